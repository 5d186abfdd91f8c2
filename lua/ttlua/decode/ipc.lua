-- ttlua.decode.ipc: System V IPC and mincore.
--   msgget/semget/shmget: the key (IPC_PRIVATE or hex), flags then the mode
--   msgsnd/msgrcv: struct msgbuf {mtype=1, mtext="..."} (mtext at exit for msgrcv)
--   semctl: the fourth argument as an address (the semid_ds/seminfo
--     structures of IPC_STAT/IPC_INFO are not decoded: their address)
--   mincore: the page residency vector at exit, [1, 0, ...]
local bit = require "bit"
local U = require "ttlua.decode.util"

local band = bit.band
local concat = table.concat

local function key_text(v)
  v = U.u32(v)
  return U.name("ipc_key", v) or U.x(v)
end

U.call("msgget", U.at_entry(function(c)
  return key_text(c._args[1]) .. ", " .. U.set("ipc_flags", U.u32(c._args[2]))
end))
U.call("semget", U.at_entry(function(c)
  return key_text(c._args[1]) .. ", " .. U.dec(U.s32(c._args[2])) .. ", " .. U.set("ipc_flags", U.u32(c._args[3]))
end))
U.call("shmget", U.at_entry(function(c)
  local a = c._args
  return key_text(a[1]) .. ", " .. U.udec(a[2]) .. ", " .. U.set("shmget_flags", U.u32(a[3]))
end))

local function msgbuf(c, addr, count)
  if addr == 0 then return "NULL" end
  local b = U.readn(c, addr, 8)
  if not b then return U.ptr(addr) end
  return "{mtype=" .. U.get_i64(b, 0) .. ", mtext=" .. U.buf(c, addr + 8, count) .. "}"
end
U.call("msgsnd", U.at_entry(function(c)
  local a = c._args
  return U.dec(U.s32(a[1])) .. ", " .. msgbuf(c, a[2], a[3]) .. ", " .. U.udec(a[3]) .. ", "
    .. U.set("sysv_msg_flags", U.u32(a[4]))
end))
U.call("msgrcv", U.printer(
  function(c) return U.dec(U.s32(c._args[1])) .. ", " end,
  function(c)
    local a = c._args
    local mb = U.failed(c) and U.ptr(a[2]) or msgbuf(c, a[2], a[3])
    return mb .. ", " .. U.udec(a[3]) .. ", " .. U.dec(a[4]) .. ", " .. U.set("sysv_msg_flags", U.u32(a[5]))
  end))

U.call("semctl", U.at_entry(function(c)
  local a = c._args
  return U.dec(U.s32(a[1])) .. ", " .. U.dec(U.s32(a[2])) .. ", " .. U.arg(c, 3) .. ", " .. U.ptr(a[4])
end))

local PAGE = 4096
U.call("mincore", U.printer(
  function(c) return U.ptr(c._args[1]) .. ", " .. U.udec(c._args[2]) .. ", " end,
  function(c)
    local a = c._args
    if U.failed(c) then return U.ptr(a[3]) end
    local n = math.ceil(a[2] / PAGE)
    if a[3] == 0 then return "NULL" end
    if n == 0 then return "[]" end
    local max = U.types.opts.strsize
    local m = n > max and max or n
    local b = U.read(c, a[3], m)
    if not b or #b == 0 then return U.ptr(a[3]) end
    local out = {}
    for i = 1, #b do out[i] = tostring(band(b:byte(i), 1)) end
    if n > m then out[#out + 1] = "..." end
    return "[" .. concat(out, ", ") .. "]"
  end))

return {}
