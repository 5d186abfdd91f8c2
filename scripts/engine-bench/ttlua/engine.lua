-- scripts/engine-bench: the engine's own cost per call, without the kernel.
-- Run as: TTLUA_LUA_DIR=scripts/engine-bench ./ttlua [POLICY.lua|-E ...] [-o FILE] -- N KIND
-- This file stands in for ttlua.engine: it loads the real engine, lets it
-- set up (policy, filter, log), then feeds it N synthetic calls of KIND
-- (getppid | write | read) as if the C core had stopped at them, with
-- ttlua's own pid as the "tracee" so memory reads work, and prints the
-- tracer user CPU per call.  Nothing is traced; no ptrace stop happens.
local ffi = require "ffi"
local real = os.getenv("TTLUA_REAL_LUA_DIR") or "lua"
package.path = real .. "/?.lua;" .. real .. "/?/init.lua;" .. package.path
local E = dofile(real .. "/ttlua/engine.lua")
package.loaded["ttlua.engine"] = E
local core = require "ttlua.core"
local ev, EV, ACT = core.ev, core.EV, core.ACT

ffi.cdef "int getpid(void);"
local B = {}
function B.event() return E.event() end
function B.finish(status) return E.finish(status) end

function B.setup(argv)
  local cmd
  for i, a in ipairs(argv) do if a == "--" then cmd = i end end
  local n, kind = tonumber(argv[cmd + 1]), argv[cmd + 2] or "getppid"
  local args = { unpack(argv, 1, cmd) }
  args[#args + 1] = "/bin/true"
  local spec = E.setup(args, real)
  if type(spec) ~= "table" then return spec end
  local pid = ffi.C.getpid()
  local buf = ffi.new("char[64]", "x")
  local addr = tonumber(ffi.cast("intptr_t", buf))
  local nr, a, ret = 110, { 0, 0, 0 }, pid
  if kind == "write" then nr, a, ret = 1, { 3, addr, 1 }, 1
  elseif kind == "read" then nr, a, ret = 0, { 3, addr, 1 }, 1 end
  local function fire(k)
    ev.kind, ev.tid, ev.pid, ev.arch, ev.nr = k, pid, pid, 0, nr
    ev.args[0], ev.args[1], ev.args[2] = a[1], a[2], a[3]
    ev.ret = ret
    ev.action = ACT.CONT
    E.event()
  end
  ev.kind, ev.tid, ev.pid = EV.SPAWN, pid, pid
  E.event()
  for _ = 1, 20000 do -- warm up (JIT)
    fire(EV.SYSCALL)
    if ev.action == ACT.RUN then fire(EV.SYSCALL_EXIT) end
  end
  collectgarbage("collect")
  collectgarbage("stop")
  local k0 = collectgarbage("count")
  for _ = 1, 1000 do
    fire(EV.SYSCALL)
    if ev.action == ACT.RUN then fire(EV.SYSCALL_EXIT) end
  end
  local bytes = (collectgarbage("count") - k0) * 1024 / 1000
  collectgarbage("restart")
  local u0 = core.cpu_time()
  local exits = 0
  for _ = 1, n do
    fire(EV.SYSCALL)
    if ev.action == ACT.RUN then
      exits = exits + 1
      fire(EV.SYSCALL_EXIT)
    end
  end
  local u1 = core.cpu_time()
  for _, f in ipairs(E.finish_hooks) do f(0) end -- the profiler's report
  core.C.ttl_log_flush()
  io.stderr:write(("engine-bench: %d %s calls, %d exits, %.3f us user per call,"
    .. " %d bytes allocated per call\n"):format(n, kind, exits, (u1 - u0) * 1e6 / n, bytes))
  return 0
end
return B
