-- ttlua.engine: the Lua half of the event loop.
-- setup() reads the command line and the policy and builds the seccomp
-- filter; event() answers every stop the C core reports (src/event.h);
-- finish() prints summaries.  Each handler runs in a coroutine taken from a
-- pool: call:run(), proc:syscall() and ttlua.sleep() yield back here, and
-- the thread's next stop resumes it, so one blocked call never holds up
-- another thread.
-- Start-up allocates a few MB that all stay: collecting meanwhile is wasted
-- time (E.setup restarts the collector when it is done).
collectgarbage("stop")
-- Room for the traces of many syscalls' paths: with the defaults (512 KB
-- of machine code, 1000 traces) a varied workload fills the cache and
-- LuaJIT flushes and recompiles everything, again and again.
if jit and jit.opt then
  jit.opt.start("maxtrace=4000", "maxrecord=8000", "maxmcode=4096", "sizemcode=256")
end
local ffi = require "ffi"
local bit = require "bit"
local core = require "ttlua.core"
local cli = require "ttlua.cli"
local policy = require "ttlua.policy"
local syscalls = require "ttlua.syscalls"
local Call = require "ttlua.call"
local Proc = require "ttlua.proc"
local Printer = require "ttlua.printer"
local types = require "ttlua.types"
local ttlua = require "ttlua"

local EV, ACT = core.EV, core.ACT
local C, ev = core.C, core.ev
local tonumber, rawget, rawset, floor = tonumber, rawget, rawset, math.floor
local co_create, co_resume, co_yield = coroutine.create, coroutine.resume, coroutine.yield

local E = {}

local opts = {}
local sys                 -- the x86_64 table
local handlers = {}       -- the policy
local handler_by_nr = {}  -- nr -> function, for x86_64
local default_handler
local threads = {}        -- tid -> { tid, proc, call, waiter, co }
local procs = {}          -- pid -> Proc
local nthreads = 0
local nhandled = 0         -- calls a handler ran for (--stats)
local direct = setmetatable({}, { __mode = "k" }) -- handlers run without a coroutine
local policy_errors = 0
local pool = {}           -- idle worker coroutines
local current             -- the thread whose stop is being answered
local answered            -- ev already holds the answer for `current`
local running             -- the thread whose coroutine runs right now
local running_direct      -- running's handler runs without a coroutine: it cannot yield
local timers = {}         -- sorted list of { at = seconds, th = thread, co = coroutine }
local routers             -- E.routers
local log

-- file:line of a handler (of the policy's function when a guard wraps it)
local function handler_where(fn)
  return policy.where(E.guard_of and E.guard_of[fn] or fn)
end

local function errmsg(fmt, ...)
  io.stderr:write("ttlua: ", fmt:format(...), "\n")
end

-- ---- time ---------------------------------------------------------------

-- (a plain int64_t[2] for the timespec: ttlua.structs owns struct ttl_timespec)
ffi.cdef [[
int clock_gettime(int clk, void *ts);
]]
local ts = ffi.new("int64_t[2]")
local function now()
  C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts[0]) + tonumber(ts[1]) * 1e-9
end
E.now = now

-- ---- answering the C core -----------------------------------------------

-- A context is what a coroutine runs for: a thread (for its call) or a
-- hook context { tid, proc, thread, hook = true }.  Its answers go to the
-- event being handled when it is that thread's, else straight to the core.
-- Returns 0, or -errno when the core could not apply the answer (an
-- injection that cannot start, a thread that is gone).
local function settle(ctx, action, value, inj_nr, inj_args)
  local th = ctx.thread or ctx
  if th.dead then return -3 end -- ESRCH
  if th == current and not answered then
    answered = true
    ev.action = action
    ev.value = value or 0
    if action == ACT.INJECT then
      ev.inj_nr = inj_nr
      for i = 0, 5 do ev.inj_args[i] = inj_args[i + 1] or 0 end
    end
    return 0
  end
  return core.resume(ctx.tid, action, value, inj_nr, inj_args)
end

local function traceback(msg)
  return debug.traceback(tostring(msg), 1)
end

local function policy_error(what, msg)
  policy_errors = policy_errors + 1
  errmsg("%s: %s", what, msg)
end

-- Apply what a handler assigned (call.pathname = ...) before the call goes
-- on.  May inject (scratch memory for a new string), so it runs in the
-- handler's coroutine.
local function commit(call, fn)
  if rawget(call, "_set") == nil and rawget(call, "_dirty") == nil then return ACT.CONT end
  local ok, err = xpcall(call._commit, traceback, call)
  if not ok then
    policy_error("in the " .. call.spec.name .. " handler at " .. handler_where(fn), err)
    return opts.strict and ACT.KILL or ACT.CONT
  end
  return ACT.CONT
end

-- Fill the output buffers the handler assigned; false when one failed.
local function write_outputs(call, fn)
  local ok, done = xpcall(call._write_outputs, traceback, call)
  if not ok then
    policy_error("in the " .. call.spec.name .. " handler at " .. handler_where(fn), done)
    return false
  end
  return done
end

-- The result a handler returned, as an action.
local function handler_result(call, fn, ret)
  if ret == nil then
    if rawget(call, "result") == nil then
      local action = commit(call, fn)
      if action == ACT.CONT and rawget(call, "_after") then return ACT.RUN end
      return action
    elseif rawget(call, "_fills") and not write_outputs(call, fn) then
      rawset(call, "result", -14) -- EFAULT, as the kernel says for a bad buffer
      return ACT.RETURN, -14
    end
    return ACT.CONT
  end
  if type(ret) == "number" and ret == floor(ret) and ret < 2^63 and ret > -2^63 then
    -- output arguments the handler assigned (call.statbuf = {...}) go to
    -- the tracee's buffers now; a bad buffer makes the call fail EFAULT
    if rawget(call, "_fills") and not write_outputs(call, fn) and ret >= 0 then ret = -14 end
    rawset(call, "result", ret)
    return ACT.RETURN, ret
  end
  local special = E.return_types[type(ret)]
  if special then
    local ok, action, value = xpcall(special, traceback, call, ret)
    if not ok then
      policy_error("in the " .. call.spec.name .. " handler at " .. handler_where(fn), action)
      return opts.strict and ACT.KILL or ACT.CONT
    end
    if action then return action, value end
  end
  policy_error(handler_where(fn), ("handler %s returned %s; expected an integer result"
    .. " (|v| < 2^63) or nil%s"):format(call.spec.name, type(ret) == "number" and tostring(ret)
    or "a " .. type(ret), opts.strict and "; killing the tracee" or " (the call proceeds)"))
  return opts.strict and ACT.KILL or ACT.CONT
end

-- Handlers may return other things when a module teaches the engine how
-- (ttlua.vfd objects, for instance): type name -> function(call, value).
E.return_types = {}

local function handler_failed(call, fn, err)
  policy_error("error in the " .. call.spec.name .. " handler (" .. handler_where(fn)
    .. ")" .. (opts.strict and "; killing the tracee" or "; the call proceeds"), err)
  return opts.strict and ACT.KILL or ACT.CONT
end

-- A pooled coroutine runs one handler, hook, or commit at a time.  No
-- pcall here: an error ends the coroutine and step() reports it from the
-- coroutine's own traceback (a pcall frame in the hot path would keep
-- LuaJIT from compiling the side traces of the handler's branches).
local function worker(fn, arg, kind)
  while true do
    local action, value
    if kind == "call" then
      action, value = handler_result(arg, fn, (fn(arg)))
    elseif kind == "commit" then -- after a direct handler (see on_syscall)
      action = commit(arg, fn)
      if action == ACT.CONT and rawget(arg, "_after") then action = ACT.RUN end
    else -- a lifecycle hook: arg = { n, ... }
      action, value = ACT.CONT, (fn(unpack(arg, 1, arg.n)))
    end
    fn, arg, kind = co_yield("done", action, value)
  end
end

-- "file:line" of the innermost Lua frame of coroutine co (where it
-- raised an error or yielded), or nil.
local function innermost(co)
  for level = 0, 40 do
    local info = debug.getinfo(co, level, "Sl")
    if not info then return nil end
    if info.what ~= "C" and (info.currentline or 0) > 0 then
      return ("%s:%d"):format(info.short_src, info.currentline)
    end
  end
end

-- An error value as text that names where it was raised: error({}) or
-- error("x", 0) carry no position of their own.
local function error_text(err, co)
  local text = (type(err) == "string" or type(err) == "number") and tostring(err)
  if text and text:match("^[^\n]-:%d+: ") then return text end
  text = text or ("a %s value raised as an error"):format(type(err))
  local at = innermost(co)
  return at and (at .. ": " .. text) or text
end

-- What a coroutine was started for (for error reports): ctx.fn, ctx.arg,
-- ctx.kind are set by start() and on_syscall().
local function coroutine_failed(ctx, co, err)
  local th = ctx.thread or ctx
  local tb = debug.traceback(co, error_text(err, co))
  local kind, fn, arg = ctx.kind, ctx.fn, ctx.arg
  local action
  if kind == "call" or kind == "commit" then
    action = handler_failed(arg, fn, tb)
  elseif fn then
    policy_error("error in " .. tostring(kind) .. " (" .. handler_where(fn) .. ")", tb)
    action = opts.strict and ACT.KILL or ACT.CONT
  else
    errmsg("internal error: %s", tb)
    action = ACT.CONT
  end
  th.waiter = nil
  if not ctx.hook then th.call = nil end
  settle(ctx, action)
  return action
end

-- Resume ctx's coroutine and act on what it yields: the thread's next
-- stop (exit, injected call, timer) resumes it again.  Returns the final
-- (action, value) when it finished now.
local function step(ctx, co, x, y, z)
  local th = ctx.thread or ctx
  local prev, prev_direct = running, running_direct
  running, running_direct = ctx, false
  ctx.proc.tid = ctx.tid
  local ok, what, a, b = co_resume(co, x, y, z)
  running, running_direct = prev, prev_direct
  if th.waiter == ctx then th.waiter = nil end
  if not ok then return coroutine_failed(ctx, co, what) end
  if what == "done" then
    pool[#pool + 1] = co
    if not ctx.hook and (a ~= ACT.RUN or not th.call or not rawget(th.call, "_after")) then
      th.call = nil
    end
    -- (a hook's return value is for the engine to judge, not a result)
    settle(ctx, a, not ctx.hook and b or nil)
    return a, b
  end
  ctx.co = co
  th.waiter = ctx
  if what == "run" then
    settle(ctx, ACT.RUN)
  elseif what == "inject" then
    local rc = settle(ctx, ACT.INJECT, 0, a, b)
    -- could not start (not stopped at a place that allows it, gone): the
    -- coroutine gets the error at once
    if rc < 0 then return step(ctx, co, rc) end
  elseif what == "hold" then
    settle(ctx, ACT.HOLD)
  else
    -- the policy yielded from a handler itself: not ours to interpret
    th.waiter = nil
    local fn = ctx.fn
    policy_error(innermost(co) or (fn and handler_where(fn)) or ("a handler of thread " .. ctx.tid),
      "yielded " .. tostring(what) .. " (handlers must not call coroutine.yield directly)"
      .. (opts.strict and "; killing the tracee" or "; the call proceeds"))
    settle(ctx, opts.strict and ACT.KILL or ACT.CONT)
  end
end

local function start(ctx, fn, arg, kind)
  local co = pool[#pool] or co_create(worker)
  pool[#pool] = nil
  ctx.fn, ctx.arg, ctx.kind = fn, arg, kind
  return step(ctx, co, fn, arg, kind)
end

-- Run a lifecycle hook (on_fork, on_exec, ...) in thread th's context.
local function hook(name, th, ...)
  local fn = handlers[name]
  if not fn then return nil end
  local ctx = { tid = th.tid, proc = th.proc, thread = th, hook = name }
  local _, value = start(ctx, fn, { n = select("#", ...), ... }, name)
  return value
end

-- ---- threads and processes ----------------------------------------------

local function new_thread(tid, proc)
  local th = { tid = tid, proc = proc }
  threads[tid] = th
  proc.threads[tid] = true
  nthreads = nthreads + 1
  if log then log.ntracees = nthreads end
  return th
end

local function thread_of(tid, pid)
  local th = threads[tid]
  if th then return th end
  local proc = procs[pid]
  if not proc then
    proc = Proc.new(E, pid)
    procs[pid] = proc
  end
  return new_thread(tid, proc)
end

-- Write register slot i-1 of the call's stopped thread.
function E.set_arg(call, i, raw)
  local rc = C.ttl_poke(call.tid, i - 1, raw)
  if rc < 0 then
    error(("cannot change %s's argument %d: %s"):format(call.spec.name, i,
      select(2, core.fail(rc))), 0)
  end
end

-- proc:syscall(): inject a call into the thread whose handler is running.
-- Where it works: a syscall handler (at the entry, and after call:run()
-- at the exit), on_exec (the new program, before its first instruction)
-- and on_fork (in the child, at its first stop); the other hooks run where
-- the thread cannot execute anything for us.
local inject_hooks = {
  on_exec = true, on_fork = true,
  on_start = "on_start runs before the command is executed; inject from on_exec",
  on_exit = "on_exit runs when the thread is already gone",
  on_signal = "on_signal runs at a signal-delivery stop, where an injected call"
    .. " would lose the signal; inject from a syscall handler",
  on_stop = "on_stop runs at a group-stop",
}
function E.inject(proc, name, ...)
  local ctx = running
  if not ctx then
    error("proc:syscall() works only inside a handler or a hook (on_exec, on_fork)", 3)
  end
  if ctx.proc ~= proc then
    error(("proc:syscall(): %s is not the process whose %s is running (%s)"):format(
      tostring(proc), ctx.hook and "hook" or "handler", tostring(ctx.proc)), 3)
  end
  local where = ctx.hook and inject_hooks[ctx.hook]
  if ctx.hook and where ~= true then
    error("proc:syscall() cannot inject here: " .. (where or (ctx.hook .. " is not a place to inject from")), 3)
  end
  if running_direct then
    error("proc:syscall() in a handler declared ttlua.direct (or a call:after function),"
      .. " which cannot wait", 3)
  end
  local spec = type(name) == "number" and sys.by_nr[name] or sys.by_name[name]
  if not spec then error(("proc:syscall(): unknown syscall %s"):format(tostring(name)), 3) end
  local args = { ... }
  for i = 1, 6 do
    local a = args[i]
    if type(a) == "string" then
      args[i] = proc:alloc_string(a)
    elseif a == nil then
      args[i] = 0
    elseif type(a) ~= "number" then
      error(("proc:syscall(): argument %d is a %s"):format(i, type(a)), 3)
    end
  end
  local ret = co_yield("inject", spec.nr, args)
  return ret or -3 -- ESRCH: the thread vanished meanwhile
end

-- ttlua.sleep(seconds) inside a handler: the thread stays stopped, the
-- others go on.
function E.sleep(seconds)
  local ctx = running
  if not ctx then error("ttlua.sleep() works only inside a handler", 2) end
  if type(seconds) ~= "number" or seconds ~= seconds or seconds < 0 or seconds == math.huge then
    error(("ttlua.sleep(): %s is not a number of seconds >= 0"):format(
      type(seconds) == "number" and tostring(seconds) or "a " .. type(seconds)), 2)
  end
  if running_direct then
    error("ttlua.sleep() in a handler declared ttlua.direct (or a call:after function)", 2)
  end
  if E.interrupted then return end -- ttlua is being stopped: no more holding
  local at = now() + seconds
  local pos = #timers + 1
  for i, t in ipairs(timers) do
    if t.at > at then pos = i; break end
  end
  table.insert(timers, pos, { at = at, ctx = ctx })
  -- never 0: that would disarm the timer and hold the thread for good
  C.ttl_set_timer(math.max(timers[1].at - now(), 1e-6))
  return co_yield("hold")
end

local function on_timer()
  local t = now()
  while timers[1] and timers[1].at <= t + 1e-4 do
    local due = table.remove(timers, 1)
    local ctx = due.ctx
    local th = ctx.thread or ctx
    if not th.dead and th.waiter == ctx then step(ctx, ctx.co) end
  end
  if timers[1] then
    C.ttl_set_timer(math.max(timers[1].at - now(), 1e-6))
  else
    C.ttl_set_timer(0) -- the core's timer repeats until disarmed
  end
end

-- ---- events ---------------------------------------------------------------

local other_arch = {}
local function spec_for(arch, nr)
  if arch == 0 then return sys.by_nr[nr] end
  local name = core.ARCH[arch]
  local t = other_arch[name]
  if t == nil then
    local ok, tab = pcall(syscalls.arch, name)
    t = ok and tab or false
    other_arch[name] = t
  end
  -- (the x32 table's numbers include X32_SYSCALL_BIT, as the kernel sees them)
  return t and t.by_nr[nr] or nil
end

-- A handler known not to yield (see E.direct) runs as a plain function
-- call: no coroutine switch.  What it assigned is committed in a coroutine
-- (the commit may inject an mmap for scratch memory).
-- The direct handler (or after function) running now, for E.loop_failed.
local direct_th, direct_fn, direct_what

local function run_direct(th, fn, call)
  running, running_direct = th, true
  th.proc.tid = th.tid
  E.direct_call = call
  direct_th, direct_fn, direct_what = th, fn, "handler"
  -- no pcall: an error ends the event loop's coroutine (E.loop_failed)
  local ret = fn(call)
  direct_th = nil
  E.direct_call = nil
  running, running_direct = nil, nil
  local action, value
  if ret ~= nil or rawget(call, "result") ~= nil
      or (rawget(call, "_set") == nil and rawget(call, "_dirty") == nil) then
    action, value = handler_result(call, fn, ret)
  else
    local co = pool[#pool] or co_create(worker)
    pool[#pool] = nil
    rawset(call, "_co", co)
    th.fn, th.arg, th.kind = fn, call, "commit"
    step(th, co, fn, call, "commit")
    return
  end
  if action ~= ACT.RUN then th.call = nil end
  settle(th, action, value)
end

local function on_syscall()
  local tid = ev.tid
  local th = threads[tid] or thread_of(tid, ev.pid)
  local nr, arch = tonumber(ev.nr), ev.arch
  local fn, spec
  if arch == 0 then
    fn, spec = handler_by_nr[nr], sys.by_nr[nr]
  else
    spec = spec_for(arch, nr)
    fn = spec and handlers[spec.name] or default_handler
    if fn and fn ~= E.passthru_default and not opts.allow_compat then
      -- A policy written for x86_64 cannot judge another ABI's arguments:
      -- refuse those calls (the log still shows them).  Passthru runs
      -- them, decoded with their own table.
      fn = E.compat_refuse
    end
  end
  if not spec then spec = syscalls.unknown(nr) end
  if (th.arch or 0) ~= arch then
    -- as strace does, say when a process switches ABI (int 0x80, x32)
    th.arch = arch
    if log and E.passthru_default and default_handler == E.passthru_default then
      log:line(nil, ("[ Process PID=%d runs in %s mode. ]"):format(tid,
        ({ [0] = "64 bit", "32 bit", "x32" })[arch] or "unknown"))
    end
  end
  fn = fn or default_handler
  local a = ev.args
  local route = routers[nr]
  if route and arch == 0 then fn = route(th.proc, a) or fn end
  local guard = E.guards[arch] and E.guards[arch][spec.name]
  if guard then fn = E.guarded(guard, fn) end
  if not fn then return end
  nhandled = nhandled + 1
  local call = Call.new(E, th.proc, tid, spec, nil, arch,
    tonumber(a[0]), tonumber(a[1]), tonumber(a[2]),
    tonumber(a[3]), tonumber(a[4]), tonumber(a[5]))
  th.call = call
  if direct[fn] then return run_direct(th, fn, call) end
  local co = pool[#pool] or co_create(worker)
  pool[#pool] = nil
  rawset(call, "_co", co)
  th.fn, th.arg, th.kind = fn, call, "call"
  step(th, co, fn, call, "call")
end

-- Modules that take over calls on some descriptors (ttlua.vfd) put a
-- function(proc, ev.args) -> handler or nil here, keyed by x86_64 number;
-- nil keeps the policy's handler (or none).  They must make the filter
-- trace those numbers (E.filter_hooks).
E.routers = {}

-- Checks that run before any handler, whatever the policy handles
-- (ttlua.guard fills them): guards[arch][name] = function(call) returning
-- nil (go on) or a result that refuses the call.  The filter always stops
-- these calls (src/guard.c).
E.guards = { [0] = {}, [1] = {}, [2] = {} }
local guarded_cache = setmetatable({}, { __mode = "k" })
function E.guarded(guard, fn)
  local by_fn = guarded_cache[guard]
  if not by_fn then
    by_fn = {}
    guarded_cache[guard] = by_fn
  end
  local key = fn or E.guarded
  local g = by_fn[key]
  if not g then
    g = function(call)
      local refused = guard(call)
      if refused then
        if log and E.passthru_default and default_handler == E.passthru_default then
          rawset(call, "result", refused)
          log:call(call)
        end
        return refused
      end
      if fn then return fn(call) end
    end
    by_fn[key] = g
    E.guard_of[g] = fn or guard
  end
  return g
end
-- the function an error message should name, for a guarded handler
E.guard_of = setmetatable({}, { __mode = "k" })

-- Calls of another ABI (int 0x80, x32) under a policy with handlers.
function E.compat_refuse()
  return -38 -- ENOSYS
end

-- call:after(fn): fn(call) runs at the exit stop, directly; an integer it
-- returns replaces the result.  r is nil when the thread vanished in the call.
local function run_after(th, call, r)
  local fn = rawget(call, "_after")
  rawset(call, "_after", nil)
  th.call = nil
  running, running_direct = th, true
  E.direct_call = call
  direct_th, direct_fn, direct_what = th, fn, "exit function"
  local ret = fn(call) -- no pcall: see run_direct
  direct_th = nil
  E.direct_call = nil
  running, running_direct = nil, nil
  if r ~= nil and type(ret) == "number" and ret == floor(ret) and ret ~= r
      and ret < 2^63 and ret > -2^63 then
    rawset(call, "result", ret)
    return settle(th, ACT.RETURN, ret)
  end
  settle(th, ACT.CONT)
end

local function on_syscall_exit()
  local th = threads[ev.tid]
  if not th then return end
  local w = th.waiter
  local call = th.call
  local r = tonumber(ev.ret)
  if call then rawset(call, "result", r) end
  if w then return step(w, w.co, r) end
  if call and rawget(call, "_after") then run_after(th, call, r) end
end

local function on_inject_done()
  local th = threads[ev.tid]
  local w = th and th.waiter
  if not w then return end
  step(w, w.co, tonumber(ev.ret))
end

local function on_spawn()
  local th = thread_of(ev.tid, ev.pid)
  th.proc.attached = ev.attached ~= 0
  current = th -- (new just now) its answer, e.g. KILL under --strict, is ev's
  hook("on_start", th, th.proc)
end

local function on_fork()
  local parent = threads[ev.tid]
  local ctid, cpid, flags = ev.child, ev.child_pid, tonumber(ev.flags)
  local pproc = parent and parent.proc or procs[ev.pid]
  if threads[ctid] then return end
  local proc = procs[cpid]
  if not proc then
    proc = pproc and pproc:fork(cpid, flags) or Proc.new(E, cpid)
    procs[cpid] = proc
  end
  local child = new_thread(ctid, proc)
  if parent then
    -- who made whom, in which order: a name for the thread that is the
    -- same from one run to the next (ttlua.inject seeds its PRNGs with it)
    parent.nchildren = (parent.nchildren or 0) + 1
    child.parent, child.nth = parent, parent.nchildren
  end
  -- the hook runs in the child's context: proc:syscall() goes to the child
  if proc ~= pproc and parent then hook("on_fork", child, pproc, proc, flags) end
end

local function on_exec()
  local tid, former = ev.tid, ev.child
  if former ~= tid and threads[former] then
    local th = threads[former]
    threads[former] = nil
    th.proc.threads[former] = nil
    th.tid = tid
    threads[tid] = th
    th.proc.threads[tid] = true
    if th.call then rawset(th.call, "tid", tid) end
  end
  local th = thread_of(tid, ev.pid)
  th.proc:_exec()
  hook("on_exec", th, th.proc)
end

local function decode_status(status)
  if status < 0 then return { superseded = true } end
  local sig = bit.band(status, 0x7f)
  if sig == 0 then return { code = bit.rshift(bit.band(status, 0xff00), 8) } end
  return { signal = sig, core = bit.band(status, 0x80) ~= 0 }
end
E.decode_status = decode_status

local function on_exit()
  local tid = ev.tid
  local th = threads[tid]
  if not th then return end
  threads[tid] = nil
  local proc = th.proc
  proc:_thread_gone(tid)
  th.dead = true
  local w = th.waiter
  if w then
    -- the thread vanished inside a call: run() returns nil
    step(w, w.co, nil)
  elseif th.call and rawget(th.call, "_after") then
    run_after(th, th.call, nil)
  end
  local how = decode_status(ev.status)
  how.tid = tid
  if how.superseded then how.by = ev.child end
  how.last = next(proc.threads) == nil
  if how.last then
    procs[proc.pid] = nil
    proc:_exit()
  end
  current = th
  hook("on_exit", th, proc, how)
  -- counted until after the hook: its "+++ exited +++" line keeps the
  -- [pid N] prefix the thread's other lines had
  nthreads = nthreads - 1
  if log then log.ntracees = nthreads end
end

local siginfo_of
local function on_signal()
  local th = thread_of(ev.tid, ev.pid)
  if not handlers.on_signal then return end
  local info = siginfo_of(ev.siginfo)
  local v = hook("on_signal", th, th.proc, ev.sig, info)
  if v == nil then return end
  -- the kernel takes 0 (suppress) .. 64; anything else would fail the
  -- resume and leave the thread stopped
  if type(v) == "number" and v == floor(v) and v >= 0 and v <= 64 then
    ev.sig = v
    return
  end
  local shown = type(v) == "string" and ("%q"):format(v)
    or type(v) == "number" and tostring(v) or "a " .. type(v)
  policy_error(handler_where(handlers.on_signal), ("on_signal returned %s; expected nil"
    .. " or a signal number 0..64%s"):format(shown, opts.strict and "; killing the tracee"
    or " (the signal is delivered unchanged)"))
  if opts.strict then settle(th, ACT.KILL) end
end

function siginfo_of(raw)
  local bytes = ffi.string(raw, 128)
  local ok, structs = pcall(require, "ttlua.structs")
  local info
  if ok then
    local ok2, t = pcall(structs.decode, "siginfo", bytes)
    if ok2 then info = t end
  end
  info = info or {}
  info.raw = bytes
  return info
end

local function on_group_stop()
  local th = thread_of(ev.tid, ev.pid)
  hook("on_stop", th, th.proc, ev.sig)
end

local function on_interrupt()
  -- The core passes the signal on to the command, or (-p) detaches after
  -- this returns.  Wake the threads ttlua.sleep holds (and sleep no more),
  -- or ttlua would wait behind their delays.
  E.interrupted = true
  for _, t in ipairs(timers) do t.at = 0 end
  on_timer()
end

ffi.cdef [[
int ttl_request_detach(void);
]]
-- ttlua.detach(): end a -p session from the policy; the processes go on.
function E.detach()
  if C.ttl_request_detach() < 0 then
    error("ttlua.detach() works only for processes attached with -p", 2)
  end
end

local dispatch = {
  [EV.SYSCALL] = on_syscall,
  [EV.SYSCALL_EXIT] = on_syscall_exit,
  [EV.INJECT_DONE] = on_inject_done,
  [EV.SPAWN] = on_spawn,
  [EV.FORK] = on_fork,
  [EV.EXEC] = on_exec,
  [EV.EXIT] = on_exit,
  [EV.SIGNAL] = on_signal,
  [EV.GROUP_STOP] = on_group_stop,
  [EV.TIMER] = on_timer,
  [EV.INTERRUPT] = on_interrupt,
}

function E.event()
  current = threads[ev.tid]
  answered = false
  local f = dispatch[ev.kind]
  if f then f() end
  current = nil
end

-- The C core resumes this coroutine once per event (src/lua_bridge.c).
-- Being a loop, the whole per-event path (dispatch, call object, handler,
-- printer) becomes one compiled trace; called from C, E.event alone could
-- not start one.  It has no pcall either (LuaJIT cannot compile a return
-- into a pcall frame from a trace that starts below it, which the side
-- traces of a handler's branches all do): an error ends the coroutine,
-- the C side reports it through E.loop_failed and starts a new one.
function E.loop()
  local event = E.event
  while true do
    event()
    co_yield()
  end
end

-- The event loop's coroutine died of err (with its traceback): a direct
-- handler or after function raised, or the engine has a bug.  Report it
-- and answer the event.
function E.loop_failed(tb)
  running, running_direct = nil, nil
  local th, call = direct_th, E.direct_call
  direct_th, E.direct_call = nil, nil
  if th then
    th.call = nil
    local action
    if direct_what == "handler" and call then
      action = handler_failed(call, direct_fn, tb)
    else
      policy_error("error in the " .. (call and call.spec.name .. " " or "") .. direct_what
        .. " (" .. handler_where(direct_fn) .. ")", tb)
      action = opts.strict and ACT.KILL or ACT.CONT
    end
    settle(th, action)
  else
    errmsg("internal error: %s", tostring(tb))
    if not answered then ev.action = ACT.CONT end
  end
  current = nil
end

-- ---- set-up ----------------------------------------------------------------

ffi.cdef [[
int access(const char *path, int mode);
]]

local function is_dir(path)
  local f = io.open(path .. "/.", "r")
  if f then f:close(); return true end
  return false
end

-- Find the command like a shell does.  Returns path, or nil, message, exit code.
local function resolve(cmd)
  local function check(p)
    if C.access(p, 0) ~= 0 then return nil end
    if is_dir(p) then return false, "Is a directory" end
    if C.access(p, 1) ~= 0 then return false, "Permission denied" end
    return p
  end
  if cmd:find("/", 1, true) then
    local p, why = check(cmd)
    if p then return p end
    if p == false then return nil, ("%s: %s"):format(cmd, why), 126 end
    return nil, ("%s: No such file or directory"):format(cmd), 127
  end
  local denied
  for dir in (os.getenv("PATH") or "/usr/local/bin:/usr/bin:/bin"):gmatch("[^:]*") do
    local p, why = check((dir == "" and "." or dir) .. "/" .. cmd)
    if p then return p end
    if p == false then denied = denied or why end
  end
  if denied then return nil, ("%s: %s"):format(cmd, denied), 126 end
  return nil, ("%s: command not found"):format(cmd), 127
end

-- True when fn's bytecode makes no call at all: such a handler cannot
-- yield (call:run(), proc:syscall() and ttlua.sleep() are calls), so it
-- runs without a coroutine.  Metamethods aside, which never yield here.
local call_ops -- opcode -> true for CALL*, ITER* (from jit.vmdef)
function E.never_calls(fn)
  if type(fn) ~= "function" then return false end
  if call_ops == nil then
    local ok, vmdef = pcall(require, "jit.vmdef")
    local ok2 = pcall(require, "jit.util")
    call_ops = false
    if ok and ok2 then
      call_ops = {}
      local names = vmdef.bcnames
      for op = 0, #names / 6 - 1 do
        local name = names:sub(op * 6 + 1, op * 6 + 6)
        if name:find("^CALL") or name:find("^ITER[CN]") then call_ops[op] = true end
      end
    end
  end
  if not call_ops then return false end
  local jutil = require "jit.util"
  local info = jutil.funcinfo(fn)
  if not info.bytecodes then return false end -- a C function
  for pc = 1, info.bytecodes - 1 do
    local ins = jutil.funcbc(fn, pc)
    if not ins then break end
    if call_ops[bit.band(ins, 0xff)] then return false end
  end
  return true
end

local time_calls = { clock_gettime = true, gettimeofday = true, time = true, getcpu = true }

local function build_filter()
  if default_handler then
    C.ttl_filter_init(1)
  else
    C.ttl_filter_init(0)
    for name in pairs(handlers) do
      local spec = sys.by_name[name]
      if spec then C.ttl_filter_trace(spec.nr) end
    end
  end
  for _, f in ipairs(E.filter_hooks) do f() end
  E.filter_built = true
  local rc = C.ttl_filter_build()
  if rc < 0 then return nil, "cannot build the seccomp filter: " .. select(2, core.fail(rc)) end
  return true
end
-- Modules that compile rules into the filter add a function here.
E.filter_hooks = {}

local do_setup
function E.setup(argv, luadir)
  local ret = do_setup(argv, luadir)
  collectgarbage("restart")
  return ret
end

function do_setup(argv, luadir)
  E.luadir = luadir
  local o, err = cli.parse(argv)
  if not o then
    errmsg("%s", err)
    return 1
  end
  opts = o
  E.opts = o
  ttlua.options = o
  if o.help then
    io.stdout:write(cli.help())
    return 0
  end
  if o.version then
    io.stdout:write("ttlua ", ffi.string(C.ttl_version()), "\n")
    return 0
  end
  if ffi.sizeof("struct ttl_event") ~= C.ttl_event_size() then
    errmsg("internal error: struct ttl_event differs between C and Lua")
    return 1
  end
  types.opts.strsize = o.strsize
  sys = syscalls.arch("x86_64")

  for _, setup in ipairs(E.setup_hooks) do
    local ok, msg = setup(o)
    if type(ok) == "number" then return ok end -- done (e.g. --describe)
    if not ok then
      errmsg("%s", msg)
      return 1
    end
  end

  if o.output then
    local rc = C.ttl_log_open(o.output)
    if rc < 0 then
      errmsg("cannot open %s: %s", o.output, select(2, core.fail(rc)):gsub("^%u+: ", ""))
      return 1
    end
  end
  log = Printer.new({ pid_mode = o.output and "always" or "auto" })
  if E.wrap_log then log = E.wrap_log(log) end
  ttlua.log = log

  local h, globals
  local policy_path = o.policy or (luadir .. "/passthru.lua")
  if o.eval then
    h, err, globals = policy.load_chunk(o.eval, sys)
  else
    h, err, globals = policy.load_file(policy_path, sys)
  end
  if not h then
    errmsg("%s", err)
    return 1
  end
  -- a policy that returned nothing and defined nothing is a mistake (a
  -- file that is not a policy, handlers made local): `return {}` says
  -- "nothing" on purpose
  if globals and next(h) == nil and #E.policy_rules() == 0 then
    errmsg("policy %s defines no handlers, hooks or rules (return {} to handle nothing)",
      o.eval and "-E CHUNK" or policy_path)
    return 1
  end
  for _, f in ipairs(E.policy_hooks) do
    local ok, msg = f(h, sys)
    if not ok then
      errmsg("%s", msg)
      return 1
    end
  end
  handlers = h
  default_handler = h.default
  E.passthru_default = not o.policy and not o.eval and h.default or nil
  for name, fn in pairs(h) do
    local spec = sys.by_name[name]
    if spec then handler_by_nr[spec.nr] = fn end
    if (spec or name == "default") and (ttlua._direct[fn] or E.never_calls(fn)) then
      direct[fn] = true
    end
  end
  if default_handler then
    for _, spec in ipairs(sys.list) do
      handler_by_nr[spec.nr] = handler_by_nr[spec.nr] or default_handler
    end
  end
  local hide = o.no_vdso
  for name in pairs(time_calls) do hide = hide or h[name] ~= nil end
  C.ttl_set_vdso_hiding(hide and 1 or 0)

  local built, ferr = build_filter()
  if not built then
    errmsg("%s", ferr)
    return 1
  end
  if o.dump_filter then
    C.ttl_filter_dump(1)
    return 0
  end

  if #o.pids > 0 then
    E.attached_only = true
    return { pids = o.pids }
  end
  local path, msg, code = resolve(o.command[1])
  if not path then
    errmsg("%s", msg)
    return code
  end
  return { path = path, argv = o.command }
end
-- Rules declared so far (ttlua.rule, ttlua.inject.rule, --inject): a list.
function E.policy_rules()
  local list = {}
  local r = package.loaded["ttlua.rules"]
  for _, x in ipairs(r and r.list or {}) do list[#list + 1] = x end
  local inj = package.loaded["ttlua.inject"]
  for _, x in ipairs(inj and inj.rules or {}) do list[#list + 1] = x end
  return list
end

-- Option handlers other modules add: function(opts) -> true | nil, message
-- | an exit status (the option's work is done: exit now).
E.setup_hooks = {}
-- A setup hook may set E.wrap_log = function(printer) -> log, to replace
-- or wrap the strace-style printer that becomes ttlua.log.
-- After the policy loaded, before the filter is built: function(handlers, sys)
-- -> true | nil, message.  May add or wrap handlers (ttlua.inject does).
E.policy_hooks = {}

-- Modules that print summaries at the end add a function(status) here.
E.finish_hooks = {}

function E.finish(status)
  for _, th in pairs(threads) do th.dead = true end
  if log and log.open then
    -- a call still in progress when ttlua let go of its thread
    log.write(E.attached_only and " <detached ...>\n" or " <unfinished ...>\n")
    log.open = nil
  end
  if handlers.on_finish then
    local ok, err = xpcall(handlers.on_finish, traceback, status)
    if not ok then policy_error("error in on_finish", err) end
  end
  for _, f in ipairs(E.finish_hooks) do f(status) end
  C.ttl_log_flush()
  if policy_errors > 0 and status == 0 then
    errmsg("%d policy error%s (exit status 1)", policy_errors, policy_errors == 1 and "" or "s")
    return 1
  end
  return status
end

function E.handled_calls() return nhandled end

ttlua.sleep = E.sleep
ttlua.detach = E.detach
require("ttlua.guard").install(E)
E.threads, E.procs = threads, procs
routers = E.routers

-- Modules that add options and hooks: each has install(E).
E.modules = { "ttlua.output", "ttlua.inject" }
for _, name in ipairs(E.modules) do require(name).install(E) end
require("ttlua.stats").install(E)
return E
