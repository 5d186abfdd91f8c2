-- ttlua.output: the output modes and selection options, wired into the
-- engine through its extension points (cli.register, setup and finish
-- hooks, wrap_log):
--   -y, -yy            the path (and socket/device details) behind fds
--   --json             one JSON object per line (ttlua.jsonlog)
--   -c, -C, -w, -S     the strace -c summary (ttlua.summary)
--   -e trace=, signal=, status=, quiet=, decode-fds=; -z, -Z, -q, -qq
--   --describe NAME, --list [SET]   (ttlua.describe)
--   -t, -tt, -ttt, -r, -T (--timestamps, --relative-timestamps,
--   --syscall-times)   timestamps on the strace lines (ttlua.stamp)
-- The log every policy writes to (ttlua.log) is built here from these
-- options: the strace-style printer, the JSON log, the summary, or a tee of
-- a log and the summary (-C).  Each has the Printer's methods: entry, exit,
-- call, line, signal, stopped, exited.
local cli = require "ttlua.cli"
local trace_expr = require "ttlua.trace_expr"
local syscalls = require "ttlua.syscalls"

local M = {}

local function reg(names, key, takes_value, more)
  for _, n in ipairs(names) do cli.register(n, key, takes_value, more) end
end

reg({ "-y" }, "decode_fds_path", false)
reg({ "-yy" }, "decode_fds_all", false)
reg({ "--json" }, "json", false)
reg({ "-c", "--summary-only" }, "summary_only", false)
reg({ "-C", "--summary" }, "summary", false)
reg({ "-w", "--summary-wall-clock" }, "summary_wall", false)
reg({ "-S", "--summary-sort-by" }, "summary_sortby", true)
reg({ "-z", "--successful-only" }, "successful_only", false)
reg({ "-Z", "--failed-only" }, "failed_only", false)
reg({ "-q" }, "quiet1", false) -- accepted for strace users: ttlua prints no attach messages
reg({ "-qq" }, "quiet2", false)
reg({ "--trace" }, "long_trace", true, { multi = true })
reg({ "--signal" }, "long_signal", true, { multi = true })
reg({ "--status" }, "long_status", true, { multi = true })
reg({ "--describe" }, "describe", true, { standalone = true })
reg({ "--list" }, "list", false, { standalone = true })
reg({ "-t" }, "ts_t", false)
reg({ "-tt" }, "ts_tt", false)
reg({ "-ttt" }, "ts_ttt", false)
reg({ "--timestamps" }, "ts_long", true, { optional = true })
reg({ "-r" }, "ts_rel", false)
reg({ "--relative-timestamps" }, "ts_rel_long", true, { optional = true })
reg({ "-T" }, "ts_syscall", false)
reg({ "--syscall-times" }, "ts_syscall_long", true, { optional = true })

cli.add_help [[
Selection (strace's syntax):
  -e trace=SET         log only these calls; the seccomp filter then stops
                       on nothing else.  SET: names, numbers, %file %desc
                       %net %process %signal %ipc %memory %creds %clock
                       %pure %stat %lstat %fstat %%stat %statfs %fstatfs
                       %%statfs, /regex, all, none; !SET inverts; ?NAME
                       ignores unknown names.  -e SET means -e trace=SET
  -e signal=SET        print only these signals (SIGCHLD,!SIGALRM,...)
  -e status=SET        print only calls that ended so: successful, failed,
                       unfinished (the thread ended inside the call)
  -z, -Z               -e status=successful, -e status=failed
  -e quiet=SET, -qq    leave out "+++ exited ..." lines (SET: exit, superseded)
  -e inject=..., -e fault=...   fault injection (see the faults library)
  --trace=SET, --signal=SET, --status=SET   long forms of -e trace= etc.
Output modes:
  -y                   print the path behind fds: read(3</etc/passwd>, ...),
                       AT_FDCWD</cwd>, returned fds (= 3</etc/passwd>)
  -yy                  also socket endpoints (TCP:[1.2.3.4:5->6.7.8.9:80],
                       UNIX-STREAM:[inode,"/path"]), device numbers
                       (</dev/null<char 1:3>>) and pidfds (<pid:N>);
                       -e decode-fds=path,socket,dev,pidfd picks
  --json               one JSON object per line instead of strace lines:
                       each completed call (pid, tid, name, typed args,
                       result, errno, time, duration), signals, exits.
                       Bytes that are not UTF-8 are {"b64": "..."}; buffers
                       cut at -s are {"str"|"b64": ..., "truncated": true,
                       "len": N}
  -c                   print only a summary table at the end (strace -c):
                       calls, errors and time per syscall.  Time is the CPU
                       time the process used between the call's entry and
                       exit stops (its system time, as strace measures);
                       blocked time does not count
  -C                   the log and the summary
  -w                   summary time is wall-clock time between the stops
  -S SORTBY            sort the summary by time (default), calls, errors,
                       name or nothing
  -t, -tt, -ttt        start each line with the wall-clock time: HH:MM:SS,
                       HH:MM:SS.uuuuuu, or seconds since the epoch.uuuuuu
  -r                   start each line with the time since the previous
                       line started (with -t: "HH:MM:SS (+     0.000123)")
  -T                   end each call's line with the time between its entry
                       and exit stops: " <0.000123>"
  --timestamps[=FMT]   FMT: none, time or unix, and s, ms, us or ns
                       (default time,s); --timestamps=unix,us is -ttt
  --relative-timestamps[=PREC], --syscall-times[=PREC]   -r and -T with
                       precision s, ms, us (default) or ns
Describing calls (for policy authors):
  --describe NAME      the typed signature of a syscall: fields, types,
                       what a handler sees, return type, classes
  --list [SET]         syscalls (number, name, classes), e.g. --list %net
]]

-- Which calls a status set lets through.
local function status_of(call)
  local r = rawget(call, "result")
  if r == nil then return "unfinished" end
  if r < 0 and r > -4096 and call.spec.ret ~= "noreturn" then return "failed" end
  return "successful"
end
M.status_of = status_of

-- ---- logs built from the options -------------------------------------------------------

-- Several logs at once (-C: the log and the summary).  Fields the engine
-- sets (ntracees) reach every member.
local function tee(list)
  local t = { members = list }
  local methods = {}
  for _, name in ipairs({ "entry", "exit", "call", "line", "signal", "stopped", "exited",
                          "interrupt" }) do
    methods[name] = function(_, ...)
      for _, m in ipairs(list) do
        if m[name] then m[name](m, ...) end
      end
    end
  end
  return setmetatable(t, {
    __index = methods,
    __newindex = function(_, k, v)
      for _, m in ipairs(list) do m[k] = v end
    end,
  })
end
M.tee = tee

-- The strace printer, printing a call only when accept(call) says so at
-- its exit: the entry half is rendered at entry (arguments read then, so
-- an execve's argv or a closed fd's path are right) into a buffer.
local forwarded = { line = true, signal = true, stopped = true, exited = true, interrupt = true,
                    prefix = true }
local function filtered_printer(printer, accept)
  local Printer = require "ttlua.printer"
  local w = {}
  function w.entry(_, call)
    local buf = {}
    local cap = Printer.new({ write = function(s) buf[#buf + 1] = s end,
                              pid_mode = printer.pid_mode, ts = printer.ts })
    cap.ntracees = printer.ntracees
    cap:entry(call)
    rawset(call, "_held", { cap = cap, buf = buf })
  end
  function w.exit(_, call)
    local h = rawget(call, "_held")
    if not h then
      w.entry(nil, call)
      h = rawget(call, "_held")
    end
    h.cap:exit(call)
    if accept(call) then
      printer:interrupt()
      printer.write(table.concat(h.buf))
    end
  end
  function w.call(_, call)
    w.entry(nil, call)
    w.exit(nil, call)
  end
  return setmetatable(w, {
    __index = function(_, k)
      local v = printer[k]
      if type(v) == "function" and forwarded[k] then
        return function(_, ...) return v(printer, ...) end
      end
      return v
    end,
    __newindex = printer,
  })
end

-- ---- set-up ----------------------------------------------------------------------------------

local function long_forms(o)
  local exprs = {}
  for _, e in ipairs(o.exprs or {}) do exprs[#exprs + 1] = e end
  for _, pair in ipairs({ { "long_trace", "trace=" }, { "long_signal", "signal=" },
                          { "long_status", "status=" } }) do
    for _, v in ipairs(o[pair[1]] or {}) do exprs[#exprs + 1] = pair[2] .. v end
  end
  return exprs
end

-- The stamp the timestamp options ask for (nil: none), or nil, error.
local function stamp_of(o)
  local Stamp = require "ttlua.stamp"
  local P = Stamp.precisions
  local kind, prec
  if o.ts_ttt then
    kind, prec = "unix", 6
  elseif o.ts_tt then
    kind, prec = "time", 6
  elseif o.ts_t then
    kind, prec = "time", 0
  end
  if o.ts_long then
    kind, prec = "time", 0
    for w in (o.ts_long .. ","):gmatch("([^,]*),") do
      if w == "none" then
        kind = nil
      elseif w == "time" or w == "unix" then
        kind = w
      elseif P[w] then
        prec = P[w]
      elseif w ~= "" then
        return nil, ("--timestamps: invalid format '%s' (none, time, unix; s, ms, us, ns)"):format(w)
      end
    end
  end
  local function precision(flag, long, name)
    if long and long ~= "" then
      if not P[long] then
        return nil, ("%s: invalid precision '%s' (s, ms, us, ns)"):format(name, long)
      end
      return P[long]
    end
    if flag or long then return 6 end
    return false
  end
  local rel, err = precision(o.ts_rel, o.ts_rel_long, "--relative-timestamps")
  if rel == nil then return nil, err end
  local syscall
  syscall, err = precision(o.ts_syscall, o.ts_syscall_long, "--syscall-times")
  if syscall == nil then return nil, err end
  if not kind and not rel and not syscall then return false end
  return Stamp.new({ kind = kind, prec = prec, rel = rel or nil, syscall = syscall or nil })
end

local function setup(E, o)
  local sys = syscalls.arch("x86_64")
  if o.describe or o.list then
    local D = require "ttlua.describe"
    local text, err
    if o.describe then
      text, err = D.describe(o.describe, sys)
    else
      text, err = D.list(o.command and table.concat(o.command, ",") or nil, sys)
    end
    if not text then return nil, err end
    io.stdout:write(text)
    return 0
  end

  local q, err = trace_expr.parse(long_forms(o), sys)
  if not q then return nil, err end
  if q.trace and (o.policy or o.eval) then
    return nil, "-e trace= selects what the built-in passthru policy logs; "
      .. "a policy chooses its calls by its handlers"
  end
  if o.policy or o.eval then
    -- the log is passthru's: with another policy these would do nothing
    local modes = { { "summary_only", "-c" }, { "summary", "-C" }, { "summary_wall", "-w" },
      { "summary_sortby", "-S" }, { "json", "--json" }, { "decode_fds_path", "-y" },
      { "decode_fds_all", "-yy" }, { "successful_only", "-z" }, { "failed_only", "-Z" },
      { "quiet2", "-qq" }, { "ts_t", "-t" }, { "ts_tt", "-tt" }, { "ts_ttt", "-ttt" },
      { "ts_long", "--timestamps" }, { "ts_rel", "-r" }, { "ts_rel_long", "--relative-timestamps" },
      { "ts_syscall", "-T" }, { "ts_syscall_long", "--syscall-times" } }
    for _, m in ipairs(modes) do
      if o[m[1]] then return nil, m[2] .. " works only with the default passthru policy" end
    end
    for _, k in ipairs({ "status", "signal", "quiet", "decode_fds" }) do
      if q[k] then
        return nil, ("-e %s= works only with the default passthru policy"):format(
          k:gsub("_", "-"))
      end
    end
  end
  o.trace_set, o.signal_set, o.quiet_set = q.trace, q.signal, q.quiet
  if o.successful_only or o.failed_only then
    q.status = q.status or {}
    if o.successful_only then q.status.successful = true end
    if o.failed_only then q.status.failed = true end
  end
  o.status_set = q.status
  if o.quiet2 then
    o.quiet_set = o.quiet_set or {}
    o.quiet_set.exit = true
  end

  local what = q.decode_fds
  if not what and (o.decode_fds_path or o.decode_fds_all) then
    what = o.decode_fds_all and { path = true, socket = true, dev = true, pidfd = true }
      or { path = true }
  end
  local fdname
  if what and next(what) then
    fdname = require "ttlua.fdname"
    fdname.enable(what)
  end

  local sortby = "time"
  if o.summary_sortby then
    local Summary = require "ttlua.summary"
    sortby = Summary.sort_keys[o.summary_sortby]
    if not sortby then
      return nil, ("-S: invalid sortby '%s' (time, calls, errors, name, nothing)"):format(
        o.summary_sortby)
    end
  end
  local summary_on = o.summary_only or o.summary
  if not summary_on and (o.summary_wall or o.summary_sortby) then
    io.stderr:write("ttlua: -w and -S have no effect without -c or -C\n")
  end

  local ts, ts_err = stamp_of(o)
  if ts == nil then return nil, ts_err end
  if ts and (o.json or o.summary_only) then
    io.stderr:write("ttlua: -t, -r and -T have no effect with --json or -c\n")
  end

  local status = o.status_set
  local accept = status and function(call) return status[status_of(call)] == true end
  E.wrap_log = function(printer)
    if ts then printer.ts = ts end
    local main
    if o.json then
      local J = require "ttlua.jsonlog"
      main = J.new({ accept = accept, fdname = fdname })
    elseif accept then
      main = filtered_printer(printer, accept)
    else
      main = printer
    end
    if not summary_on then return main end
    local Summary = require "ttlua.summary"
    local sum = Summary.new({ wall = o.summary_wall, sortby = sortby })
    E.finish_hooks[#E.finish_hooks + 1] = function()
      if o.json then
        main.write(sum:json() .. "\n")
      else
        printer:interrupt()
        printer.write(sum:format())
      end
    end
    if o.summary_only then
      -- strace -c: nothing but the table (ttlua.print lines still show)
      sum.line = function(_, tid, text) main:line(tid, text) end
      return sum
    end
    return tee({ main, sum })
  end
  return true
end

-- Called by the engine at load time.
function M.install(E)
  E.setup_hooks[#E.setup_hooks + 1] = function(o) return setup(E, o) end
end

return M
