-- ttlua.stats: --stats, and the JIT diagnostics.
-- With --stats, ttlua prints at exit (on stderr, after the log) how many
-- ptrace stops the run cost and what the tracer spent, so every claim of
-- the stop economy (DESIGN.md section 2) can be checked on a real run:
--
--   ttlua --stats: ptrace stops          400012
--   ttlua --stats:   seccomp stops       200000
--   ...
--
-- One "ttlua --stats: NAME VALUE" line per counter (tests parse them):
--   ptrace stops        every stop waitpid reported (syscall, event, signal)
--   seccomp stops       PTRACE_EVENT_SECCOMP stops (the filter said TRACE)
--   entry stops         syscall-entry stops (only -p: attached, no filter)
--   exit stops          syscall-exit stops
--   syscall events      syscall entries handed to the engine
--   handled calls       calls a handler (or the default handler) ran for
--   answered at entry   handled calls answered at entry (refused, faked or
--                       let through) without an exit stop
--   exit requests       calls run to their exit stop (call:run(), passthru)
--   injections          syscalls injected into tracees (proc:syscall)
--   compiled rules      ttlua.rule declarations compiled into the filter
--   handler rules       ttlua.rule declarations served by a handler
--   tracer user s       CPU time of ttlua itself (not of the tracees)
--   tracer sys s
--   tracer max RSS KiB  ttlua's peak resident memory (VmHWM)
--   user us per call    tracer user CPU per handled call, microseconds
--
-- Environment (diagnostics, not options):
--   TTLUA_JITLOG=FILE   LuaJIT's trace log (jit.v) to FILE: check that the
--                       hot path compiles ("TRACE n ... -> loop/return")
--                       and find what aborts ("NYI: ...").
--   TTLUA_JITDUMP=MODE  jit.dump instead of jit.v (MODE as -jdump, e.g. "tbi")
--                       to TTLUA_JITLOG or stdout.
--   TTLUA_JITPROF=MODE  LuaJIT's sampling profiler (jit.p, e.g. "Fl" or
--                       "vl"); the report goes to TTLUA_JITPROF_OUT or stderr.
local cli = require "ttlua.cli"
local core = require "ttlua.core"

local M = {}

-- Extra counters other modules report: list of function() -> name, value.
M.sources = {}

local function u(v) return tonumber(v) end

-- ttlua's peak resident memory (VmHWM), KiB.
local function max_rss()
  local f = io.open("/proc/self/status", "r")
  if not f then return 0 end
  local s = f:read("*a")
  f:close()
  return tonumber(s:match("VmHWM:%s*(%d+)")) or 0
end

-- The counters as a table (also used by tests through --stats output).
function M.collect(engine)
  local s = core.stats
  local user, sys = core.cpu_time()
  local handled = engine.handled_calls()
  local rows = {
    { "ptrace stops", u(s.stops) },
    { "  seccomp stops", u(s.seccomp_stops) },
    { "  entry stops", u(s.entry_stops) },
    { "  exit stops", u(s.exit_stops) },
    { "syscall events", u(s.syscall_events) },
    { "handled calls", handled },
    { "  answered at entry", u(s.entry_answers) },
    { "  exit requests", u(s.exit_requests) },
    { "injections", u(s.injections) },
  }
  for _, src in ipairs(M.sources) do
    local name, value = src()
    if name then rows[#rows + 1] = { name, value } end
  end
  rows[#rows + 1] = { "tracer user s", user }
  rows[#rows + 1] = { "tracer max RSS KiB", max_rss() }
  rows[#rows + 1] = { "tracer sys s", sys }
  rows[#rows + 1] = { "user us per call", handled > 0 and user * 1e6 / handled or 0 }
  return rows
end

local function report(engine)
  core.C.ttl_log_flush() -- after the log when both go to stderr
  local out = {}
  for _, r in ipairs(M.collect(engine)) do
    local v = r[2]
    local text = math.floor(v) == v and ("%d"):format(v) or ("%.3f"):format(v)
    out[#out + 1] = ("ttlua --stats: %-22s %12s\n"):format(r[1], text)
  end
  io.stderr:write(table.concat(out))
end

local jitprof
local function jit_diagnostics()
  local log = os.getenv("TTLUA_JITLOG")
  local dump = os.getenv("TTLUA_JITDUMP")
  if dump and dump ~= "" then
    require("jit.dump").on(dump, log)
  elseif log and log ~= "" then
    require("jit.v").on(log)
  end
  local prof = os.getenv("TTLUA_JITPROF")
  if prof and prof ~= "" then
    jitprof = require "jit.p"
    jitprof.start(prof, os.getenv("TTLUA_JITPROF_OUT"))
  end
end

-- Called once by the engine when it loads.
function M.install(engine)
  cli.register("--stats", "stats", false)
  table.insert(engine.setup_hooks, function(opts)
    jit_diagnostics()
    M.enabled = opts.stats
    return true
  end)
  table.insert(engine.finish_hooks, function()
    if jitprof then jitprof.stop(); jitprof = nil end
    if M.enabled then report(engine) end
  end)
end

return M
