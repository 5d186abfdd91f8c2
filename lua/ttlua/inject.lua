-- ttlua.inject: fault injection.  strace's tampering (-e inject=, --fault)
-- with its grammar and counting, plus what strace lacks: rules keyed on
-- paths and descriptors, reproducible random faults, several rules per
-- syscall, byte budgets for writes, short reads and writes.
--
-- From a policy:
--   local inject = require "ttlua.inject"
--   inject.rule{ "openat", error = "ENOENT", path = "*.conf", when = "2" }
--   inject.rule "write:error=EIO:when=3+"        -- a strace spec works too
--   return { write = function(call) ... end }     -- handlers combine with rules
-- From the command line (a thin front end over inject.rule):
--   ttlua --inject 'read:error=EIO:when=3' -- cat f      (also --inject=..., -e inject=...)
--   ttlua --fault 'openat:when=2' -- cat f                (default error ENOSYS)
--
-- A rule is  SET[:KEY=VALUE]...  on the command line, or a table with the
-- same keys (the SET as t[1], t.set or t.syscalls).  strace's keys:
--   SET             names, %class, /regex (POSIX ERE), all, none, syscall
--                   numbers, ?name (no error if nothing matches), a leading
--                   ! to invert; comma-separated
--   error=ERRNO     fail with -ERRNO (a name or 1..4095); in Lua also a list
--                   of them, one picked at random by the rule's PRNG
--   retval=N        succeed with N without running the call
--   signal=SIG      send SIG; it is pending while the call runs and is
--                   delivered on the call's exit (si_code SI_KERNEL)
--   syscall=NAME    a "pure" syscall that runs instead (accepted as strace
--                   does; the call is skipped, which is observably the same)
--   delay_enter=D   hold the thread D before the call (other threads run on)
--   delay_exit=D    hold the thread D after the call
--                   D: a number with s, ms, us or ns; a bare number is in
--                   microseconds (strace's rule).  In Lua a number is seconds.
--   poke_enter=@argN=HEX,...  poke_exit=...   write bytes where argument N
--                   points, at entry or at exit
--   when=FIRST[..LAST][+[STEP]]   which calls, counted per syscall and per
--                   thread from 1: F only; F..L; F+ (F and on); F+S (every
--                   S-th from F); F..L+S.  Without when=: every call.
-- Extensions:
--   path=GLOB       a path argument, resolved against the dirfd (or the
--                   cwd) as absolute, matches GLOB (see ttlua.glob: "*.db"
--                   matches the basename, "/data/**" a tree)
--   fd=N            a descriptor argument is N
--   fdpath=GLOB     a descriptor argument refers to a path matching GLOB
--                   (what /proc/PID/fd/N shows: files, "socket:[..]", "pipe:[..]")
--   prob=P          fire with probability P (0..1, or a percentage "5%")
--   seed=S          the seed of the rule's PRNG: the same seed gives the same
--                   faults (one stream per rule and per thread, the thread
--                   named by its place in the process tree, so concurrency
--                   does not change a thread's draws).  Without seed=, one is
--                   chosen and printed so that a run can be replayed.
--   after=BYTES     for writes: let BYTES through in total (a write that
--                   crosses the budget is cut short), then fail with ENOSPC
--                   (or error=); BYTES may end in k, m or g (KiB, MiB, GiB)
--   short=N         reads and writes move at most N bytes per call
--   match=function(call) -> bool   (Lua only) a predicate of your own
-- Lua only: a rule's methods rule:enable(), rule:disable(); its fields
-- rule.seen (calls that passed its filters), rule.fired, rule.seed_text.
-- inject.fired(call) -> the rule that fired on this call, or nil;
-- inject.byte_count(call) -> the bytes a read/write asks for;
-- inject.parse_delay("50ms") -> seconds; inject.prng, inject.glob.
--
-- Order and counting: for each call, the rules covering its syscall are
-- checked in the order they were made: command-line rules first, then the
-- policy's inject.rule calls.  Every rule whose filters (path, fd, fdpath,
-- match) accept the call counts it; the first whose when= and prob= also
-- accept it fires; later rules do not fire for that call.  (strace keeps
-- one rule per syscall, the last given; here an earlier rule wins.)
--
-- With a policy handler for the same syscall (or its `default`): when no
-- rule fires, the handler runs as usual.  When one fires: delay_enter,
-- signal and poke_enter happen first; then the handler runs, and inside it
-- call:run() does what the rule says instead of (or around) the real call:
-- with error=/retval= it returns the injected result without running the
-- call; with after=/short= it runs a shortened call.  A value the handler
-- returns itself is what the tracee gets (inject.fired(call) tells a
-- handler a rule fired); returning nothing gives the injected result.
-- Then poke_exit and delay_exit.  Under the built-in passthru policy the log
-- shows such calls like strace: "= -1 EIO (Input/output error) (INJECTED)",
-- "= 3 (DELAYED)".
--
-- Cost: a rule is decided at the call's seccomp stop (one stop) and the
-- exit stop is used only for delay_exit, poke_exit, after= and short=.
-- A rule that needs no counting, path or randomness (error= or retval=0,
-- optionally fd=N, no when=) on a syscall the policy does not handle is
-- compiled into the seccomp filter: such calls never stop.  The built-in
-- passthru policy handles (logs) every call, so for zero-stop rules give a
-- policy, even an empty one: ttlua -E '' --inject=socket:error=EACCES -- CMD
--
-- As in strace: the command's own first execve is neither counted nor
-- tampered with, and with -e trace=SET the command-line rules act only on
-- the calls in SET.  Calls that ttlua.vfd routes to a virtual descriptor
-- are not seen by rules.
local ffi = require "ffi"
local bit = require "bit"
local cli = require "ttlua.cli"
local glob = require "ttlua.glob"
local prng = require "ttlua.prng"
local rulespec = require "ttlua.inject.spec"

local M = {}

M.rules = {}       -- every rule, in order
M.prng = prng
M.glob = glob
M.parse, M.compile, M.parse_set = rulespec.parse, rulespec.compile, rulespec.parse_set
M.parse_when, M.parse_delay = rulespec.parse_when, rulespec.parse_delay

local table_x86_64, args_of = rulespec.table_x86_64, rulespec.args_of
local SHAPE = rulespec.SHAPE
local EXECS = { execve = true, execveat = true }
local AT_FDCWD = -100

local sealed = false

local function register(r)
  r.index = #M.rules + 1
  M.rules[r.index] = r
  if r.seed_chosen then
    io.stderr:write(("ttlua: inject: rule %d (%s): seed=%s (add seed=%s to replay)\n"):format(
      r.index, r.origin, r.seed_text, r.seed_text))
  end
  return r
end

-- Where a Lua caller made a rule: "file:line".
local function caller_where(level)
  local info = debug.getinfo(level + 1, "Sl")
  return info and ("%s:%d"):format(info.short_src, info.currentline) or "?"
end

local function make(t, kind)
  local fname = kind == "fault" and "inject.fault" or "inject.rule"
  if sealed then
    error(fname .. "(): rules must be made while the policy loads", 3)
  end
  local where = caller_where(3)
  if type(t) == "string" then
    local err
    local text = t
    t, err = M.parse(t, kind)
    if not t then error(("%s(%q): %s"):format(fname, text, err), 3) end
    t.origin = where
  elseif type(t) == "table" and t.origin == nil then
    local copy = {}
    for k, v in pairs(t) do copy[k] = v end
    copy.origin = where
    t = copy
  end
  local r, err = M.compile(t, kind)
  if not r then error(("%s: %s"):format(fname, err), 3) end
  return register(r)
end

-- inject.rule{...} / inject.rule "spec": a rule; raises on bad input.
-- (Not tail calls: make() counts stack levels to blame the caller.)
function M.rule(t)
  local r = make(t, "inject")
  return r
end
-- inject.fault{...}: the same with --fault's default error, ENOSYS.
function M.fault(t)
  local r = make(t, "fault")
  return r
end

-- The rule that fired on this call, or nil.
function M.fired(call)
  return rawget(call, "_injected")
end

-- ---- per-thread state -------------------------------------------------------

local engine_mod
local function engine()
  engine_mod = engine_mod or require "ttlua.engine"
  return engine_mod
end

local tstate = {}   -- tid -> { [rule] = { counts = {[nr] = n}, rng = prng } }
local roots = 0

-- A name for a thread that is the same on every run: its place in the
-- process tree ("1", "1.2", "1.2.1": the 2nd child of the command, ...).
local function lineage(th)
  if not th then return "?" end
  local k = th.inject_key
  if k then return k end
  if th.parent then
    k = lineage(th.parent) .. "." .. th.nth
  else
    roots = roots + 1
    k = tostring(roots)
  end
  th.inject_key = k
  return k
end

local function rule_state(call, r)
  local tid = call.tid
  local st = tstate[tid]
  if not st then
    st = {}
    tstate[tid] = st
  end
  local rs = st[r]
  if not rs then
    rs = { counts = {} }
    st[r] = rs
  end
  return rs
end

local function rng_of(call, r, rs)
  local g = rs.rng
  if not g then
    g = prng.derive(r.seed, "rule", r.index, lineage(engine().threads[call.tid]))
    rs.rng = g
  end
  return g
end

-- ---- matching a call -----------------------------------------------------------

local s32 = bit.tobit

pcall(ffi.cdef, [[
ssize_t readlink(const char *path, char *buf, size_t size);
]]) -- other modules may declare these too
local linkbuf = ffi.new("char[4096]")
local function readlink(path)
  local n = ffi.C.readlink(path, linkbuf, 4096)
  if n <= 0 then return nil end
  return ffi.string(linkbuf, n)
end

-- The absolute path argument i of a call names (dirfd resolved), or nil.
local function resolved_path(call, i, dirfd_i)
  local cache = rawget(call, "_inj_paths")
  if not cache then
    cache = {}
    rawset(call, "_inj_paths", cache)
  end
  local v = cache[i]
  if v ~= nil then return v or nil end
  local name = call.spec.args[i].name
  local ok, p = pcall(function() return call[name] end)
  if not ok or type(p) ~= "string" then
    cache[i] = false
    return nil
  end
  if p:sub(1, 1) ~= "/" then
    local args = rawget(call, "_args")
    local dfd = dirfd_i and s32(args[dirfd_i]) or AT_FDCWD
    local base
    if dfd == AT_FDCWD then
      base = readlink(("/proc/%d/cwd"):format(call.tid))
    elseif dfd >= 0 then
      base = call.proc:fdpath(dfd)
    end
    if not base then
      cache[i] = false
      return nil
    end
    p = p == "" and base or base .. "/" .. p
  end
  p = glob.normalize(p)
  cache[i] = p
  return p
end

local function filters_ok(r, call, spec)
  if r.fd or r.fdpath then
    local args = rawget(call, "_args")
    local hit = false
    for _, i in ipairs(args_of(spec).fds) do
      local fd = s32(args[i])
      if (not r.fd or fd == r.fd) and (not r.fdpath or (fd >= 0 and r.fdpath(call.proc:fdpath(fd) or ""))) then
        hit = true
        break
      end
    end
    if not hit then return false end
  end
  if r.path then
    local hit = false
    for _, pair in ipairs(args_of(spec).paths) do
      local p = resolved_path(call, pair[1], pair[2])
      if p and r.path(p) then
        hit = true
        break
      end
    end
    if not hit then return false end
  end
  if r.match and not r.match(call) then return false end
  return true
end

local function when_ok(w, n)
  if not w then return true end
  if n < w.first or (w.last and n > w.last) then return false end
  if w.step == 0 then return n == w.first end
  return (n - w.first) % w.step == 0
end

-- The rule that fires on this call (every rule whose filters pass counts it).
local function choose(rules, call)
  local spec, nr = call.spec, call.spec.nr
  local chosen
  for _, r in ipairs(rules) do
    if r.enabled and filters_ok(r, call, spec) then
      r.seen = r.seen + 1
      local rs = rule_state(call, r)
      local n = (rs.counts[nr] or 0) + 1
      rs.counts[nr] = n
      if not chosen and when_ok(r.when, n) then
        if not r.prob or rng_of(call, r, rs):random() < r.prob then chosen = r end
      end
    end
  end
  return chosen
end

-- ---- acting on a call ------------------------------------------------------------

-- each on its own: other modules may declare them too
pcall(ffi.cdef, "long syscall(long nr, ...);")
pcall(ffi.cdef, "long ptrace(int request, ...);")
local SYS_tgkill = 234
local PTRACE_SETSIGINFO = 0x4203
local SI_KERNEL = 0x80

local sent = {} -- tid -> signal sent by a rule, not yet delivered

local function send_signal(call, sig)
  sent[call.tid] = sig
  ffi.C.syscall(SYS_tgkill, ffi.cast("long", call.proc.pid), ffi.cast("long", call.tid),
    ffi.cast("long", sig))
end

local function poke(call, list)
  local args = rawget(call, "_args")
  for _, p in ipairs(list) do
    local addr = args[p.arg]
    if addr and addr ~= 0 then call.proc:write(addr, p.bytes) end
  end
end

local iovec_t = ffi.typeof("struct { uint64_t base, len; }[?]")

-- The bytes a read or write asks to move (its count, or the sum of its
-- iovec lengths), or nil for other calls or unreadable iovecs.
function M.byte_count(call)
  local sh = SHAPE[call.spec.name]
  if not sh then return nil end
  local args = rawget(call, "_args")
  if not sh[2] then return args[call.spec.argi[sh[1]]] end
  local base, cnt = args[call.spec.argi[sh[1]]], s32(args[call.spec.argi[sh[2]]])
  if cnt <= 0 or cnt > 1024 then return nil end
  local raw = call.proc:read(base, cnt * 16)
  if not raw or #raw < cnt * 16 then return nil end
  local iov = iovec_t(cnt)
  ffi.copy(iov, raw, cnt * 16)
  local n = 0
  for k = 0, cnt - 1 do n = n + tonumber(iov[k].len) end
  return n
end

-- Run the call moving at most cap bytes; the arguments the tracee passed
-- are restored at the exit.  Returns the result, and whether it shrank.
local function run_capped(call, cap, real_run)
  call:_commit()
  local name = call.spec.name
  local sh = SHAPE[name]
  local args = rawget(call, "_args")
  local E = engine()
  if sh[2] then
    local ii, ci = call.spec.argi[sh[1]], call.spec.argi[sh[2]]
    local base, cnt = args[ii], s32(args[ci])
    if cnt <= 0 or cnt > 1024 then return real_run(call), false end
    local raw = call.proc:read(base, cnt * 16)
    if not raw or #raw < cnt * 16 then return real_run(call), false end
    local iov = iovec_t(cnt)
    ffi.copy(iov, raw, cnt * 16)
    local grand = 0
    for k = 0, cnt - 1 do grand = grand + tonumber(iov[k].len) end
    if grand <= cap then return real_run(call), false end -- everything fits
    local total, keep, last_len = 0, 0, 0
    for k = 0, cnt - 1 do
      local len = tonumber(iov[k].len)
      if total + len >= cap then
        keep, last_len = k + 1, cap - total
        break
      end
      total = total + len
    end
    iov[keep - 1].len = last_len
    local addr = call.proc:alloc_bytes(ffi.string(iov, keep * 16))
    E.set_arg(call, ii, addr)
    E.set_arg(call, ci, keep)
    local r = real_run(call)
    if r ~= nil then
      E.set_arg(call, ii, base)
      E.set_arg(call, ci, cnt)
    end
    return r, true
  end
  local i = call.spec.argi[sh[1]]
  local want = args[i]
  if want <= cap then return real_run(call), false end
  E.set_arg(call, i, cap)
  local r = real_run(call)
  if r ~= nil then E.set_arg(call, i, want) end
  return r, true
end

local function note_of(plan)
  local parts = {}
  if plan.tampered and plan.poked then
    parts[1] = "(INJECTED: args, retval)"
  elseif plan.poked then
    parts[1] = "(INJECTED: args)"
  elseif plan.tampered then
    parts[1] = "(INJECTED)"
  end
  if plan.delayed then parts[#parts + 1] = "(DELAYED)" end
  return #parts > 0 and table.concat(parts, " ") or nil
end

local function set_note(call, plan)
  rawset(call, "_note", note_of(plan))
end

local methods
local function real_run(call)
  methods = methods or require("ttlua.call").methods
  return methods.run(call)
end

-- call:run() once a rule has fired: the injected result without running
-- the call, or the call (shortened for after=/short=); then poke_exit.
local function injected_run(call)
  local plan = rawget(call, "_plan")
  if rawget(call, "result") ~= nil then
    error("call:run(): " .. call.name .. " has already run", 2)
  end
  plan.ran = true
  local rule = plan.rule
  local r
  if plan.value then
    r = plan.value
    rawset(call, "result", r)
  elseif plan.cap then
    local shrank
    r, shrank = run_capped(call, plan.cap, real_run)
    if plan.budget then
      rule.reserved = rule.reserved - plan.cap
      if r and r > 0 then rule.used = rule.used + r end
    end
    if shrank then plan.tampered = true end
  else
    r = real_run(call)
  end
  if r ~= nil and rule.poke_exit then
    poke(call, rule.poke_exit)
    plan.poked = true
  end
  set_note(call, plan)
  return r
end

local function rule_error(r, call)
  if r.errors then return -rng_of(call, r, rule_state(call, r)):pick(r.errors) end
  return r.value
end

local function fire(r, call, fallback)
  r.fired = r.fired + 1
  rawset(call, "_injected", r)
  local plan = { rule = r }
  if r.after then
    local remaining = r.after - r.used - r.reserved
    if remaining <= 0 then
      plan.value = rule_error(r, call)
    else
      plan.cap, plan.budget = remaining, true
    end
  elseif r.value or r.errors then
    plan.value = rule_error(r, call)
  end
  if r.short and not plan.value then
    local s = r.short
    if type(s) == "function" then s = s(call) end
    if type(s) == "number" and s >= 1 then
      s = math.floor(s)
      plan.cap = plan.cap and math.min(plan.cap, s) or s
    end
  end
  if plan.budget then r.reserved = r.reserved + plan.cap end
  plan.tampered = plan.value ~= nil
  plan.delayed = (r.delay_enter or r.delay_exit) and true or nil
  plan.poked = r.poke_enter and true or nil
  set_note(call, plan)

  if r.delay_enter and r.delay_enter > 0 then engine().sleep(r.delay_enter) end
  if r.signal then send_signal(call, r.signal) end
  if r.poke_enter then poke(call, r.poke_enter) end
  rawset(call, "_plan", plan)
  rawset(call, "run", injected_run)

  local ret
  if fallback then ret = fallback(call) end
  if ret == nil and not plan.ran
      and (plan.value or plan.cap or r.poke_exit or r.delay_exit) then
    call:run() -- no handler ran it: the exit stop only when needed
  end
  if ret == nil and plan.value then ret = plan.value end
  if plan.budget and not plan.ran then
    r.reserved = r.reserved - plan.cap -- the handler answered without running
  end
  if r.delay_exit and r.delay_exit > 0 then engine().sleep(r.delay_exit) end
  return ret
end

-- ---- installing the rules ----------------------------------------------------------

local first_exec = true -- the command's own execve is left alone (as strace)

local function wrapper(rules, own, default)
  local fallback = own or default
  return function(call)
    if first_exec and EXECS[call.spec.name] and not engine().attached_only then
      first_exec = false
      if fallback then return fallback(call) end
      return nil
    end
    local r = choose(rules, call)
    if not r then
      if fallback then return fallback(call) end
      return nil
    end
    return fire(r, call, fallback)
  end
end

local static = {} -- { nr, rule } compiled into the filter

local FOP_MASKED_EQ, FACT_ERRNO = 7, 1

local function filter_hook()
  if #static == 0 then return end
  local C = require("ttlua.core").C
  local args, ops = ffi.new("int[1]"), ffi.new("int[1]", FOP_MASKED_EQ)
  local a, b = ffi.new("uint64_t[1]", 0xffffffff), ffi.new("uint64_t[1]")
  for _, e in ipairs(static) do
    local nr, r = e[1], e[2]
    local errno_value = -r.value
    local rc = 0
    if r.fd then
      b[0] = r.fd
      for _, i in ipairs(args_of(table_x86_64().by_nr[nr]).fds) do
        args[0] = i - 1
        rc = math.min(rc, C.ttl_filter_rule(nr, FACT_ERRNO, errno_value, 1, args, ops, a, b))
      end
    else
      rc = C.ttl_filter_rule(nr, FACT_ERRNO, errno_value, 0, nil, nil, nil, nil)
    end
    if rc < 0 then
      io.stderr:write(("ttlua: inject: cannot add %s to the seccomp filter (error %d)\n"):format(
        table_x86_64().by_nr[nr].name, -rc))
    end
  end
end

-- On a signal a rule sent: make it look like strace's (SI_KERNEL, as the
-- kernel's own send_sig gives), for the tracee and for the log.
local function fix_siginfo(proc, sig, info)
  local tid = proc.tid
  if sent[tid] ~= sig then return end
  sent[tid] = nil
  local buf = ffi.new("int32_t[32]")
  buf[0], buf[2] = sig, SI_KERNEL
  ffi.C.ptrace(PTRACE_SETSIGINFO, ffi.cast("int", tid), ffi.cast("void *", nil), ffi.cast("void *", buf))
  local core = require "ttlua.core"
  ffi.copy(core.ev.siginfo, buf, 128)
  if type(info) == "table" then
    local bytes = ffi.string(buf, 128)
    local ok, structs = pcall(require, "ttlua.structs")
    local fresh
    if ok then
      local ok2, t = pcall(structs.decode, "siginfo", bytes)
      if ok2 and type(t) == "table" then fresh = t end
    end
    for k in pairs(info) do info[k] = nil end
    for k, v in pairs(fresh or {}) do info[k] = v end
    info.raw = bytes
  end
end

-- engine.policy_hooks: wrap the handlers of every syscall a rule covers.
local function policy_hook(h, t)
  sealed = true
  if #M.rules == 0 then return true end
  local E = engine()
  local policy = require "ttlua.policy"
  local by_nr = {}
  local order = {}
  for _, r in ipairs(M.rules) do
    for _, nr in ipairs(r.nrs) do
      if not by_nr[nr] then
        by_nr[nr] = {}
        order[#order + 1] = nr
      end
      table.insert(by_nr[nr], r)
    end
  end
  local attached = E.opts and E.opts.pids and #E.opts.pids > 0
  local any_signal = false
  for _, nr in ipairs(order) do
    local rules = by_nr[nr]
    local spec = t.by_nr[nr]
    local name = spec.name
    local own = h[name]
    if #rules == 1 and rules[1].static and not own and not h.default and not EXECS[name]
        and not attached then
      static[#static + 1] = { nr, rules[1] }
    else
      local w = wrapper(rules, own, h.default)
      if own then
        policy.origin[w] = own
      else
        -- errors in a match= function name the rule that has it
        local blame
        for _, r in ipairs(rules) do
          if r.match then blame = r.origin; break end
        end
        policy.origin[w] = blame or h.default or rules[1].origin
      end
      h[name] = w
    end
    for _, r in ipairs(rules) do any_signal = any_signal or r.signal ~= nil end
  end
  -- counters are per thread: a tid that comes back is a new thread
  local own_exit = h.on_exit
  h.on_exit = function(proc, how, ...)
    tstate[how.tid] = nil
    sent[how.tid] = nil
    if own_exit then return own_exit(proc, how, ...) end
  end
  if own_exit then policy.origin[h.on_exit] = own_exit end
  if any_signal then
    local own_signal = h.on_signal
    h.on_signal = function(proc, sig, info, ...)
      fix_siginfo(proc, sig, info)
      if own_signal then return own_signal(proc, sig, info, ...) end
    end
    if own_signal then policy.origin[h.on_signal] = own_signal end
  end
  return true
end

-- Which rules run in the filter (for tests and --dump-filter readers).
function M.static_rules()
  local out = {}
  for _, e in ipairs(static) do out[#out + 1] = { nr = e[1], rule = e[2] } end
  return out
end

-- ---- the command line ---------------------------------------------------------------

local OPTION_KIND = { ["--inject"] = "inject", ["--fault"] = "fault" }

-- Command-line rules, in command-line order.  As in strace, they act only
-- on the calls that are traced: with -e trace=SET, on those in SET.
local function setup_hook(o)
  local traced = o.trace_set
  for _, pair in ipairs(o.order or {}) do
    local opt, v = pair[1], pair[2]
    local kind, text = OPTION_KIND[opt], v
    if opt == "-e" then
      local k, rest = v:match("^(%a+)=(.*)$")
      if k == "inject" or k == "fault" then kind, text = k, rest end
    end
    if kind then
      local label = opt == "-e" and ("-e " .. v) or (opt .. " " .. v)
      local t, err = M.parse(text, kind)
      local r
      if t then
        t.origin = label
        r, err = M.compile(t, kind)
      end
      if err then return nil, ("%s: %s"):format(label, err) end
      if traced then
        local kept = {}
        for _, nr in ipairs(r.nrs) do
          if traced[table_x86_64().by_nr[nr].name] then kept[#kept + 1] = nr end
        end
        if #kept == 0 and #r.nrs > 0 then
          io.stderr:write(("ttlua: %s: none of its calls is traced (-e trace=): it never fires\n")
            :format(label))
        end
        r.nrs = kept
      end
      register(r)
    end
  end
  return true
end

cli.register("--inject", "inject", true, { multi = true })
cli.register("--fault", "fault", true, { multi = true })
cli.add_help [==[
Fault injection (strace's syntax; lua/ttlua/inject.lua has the details):
  --inject SET:KEY=VALUE[:...], -e inject=...   tamper with the calls in
                       SET.  strace's keys: error=, retval=, signal=,
                       syscall=, delay_enter=, delay_exit=, poke_enter=,
                       poke_exit=, when=FIRST[..LAST][+[STEP]]; extensions:
                       path=GLOB, fd=N, fdpath=GLOB, prob=P, seed=S,
                       after=BYTES, short=N.  Repeatable: the first rule
                       that matches a call wins.  Under passthru the log
                       marks such calls (INJECTED), (DELAYED); with a
                       policy (e.g. -E '') there is no log and rules with
                       no when=, path or prob cost no stop at all
  --fault SET[:error=E][:when=W], -e fault=...   the same, ENOSYS by default
]==]

-- Called by the engine at load time.
function M.install(E)
  engine_mod = E
  E.setup_hooks[#E.setup_hooks + 1] = setup_hook
  E.policy_hooks[#E.policy_hooks + 1] = policy_hook
  E.filter_hooks[#E.filter_hooks + 1] = filter_hook
end

return M
