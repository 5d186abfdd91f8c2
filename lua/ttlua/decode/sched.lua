-- ttlua.decode.sched: CPU sets and the scheduler calls.
--   cpuset(LEN)   a CPU mask of LEN bytes (sched_setaffinity), or of the
--                 result's size (sched_getaffinity: cpuset(ret));
--                 value: the sorted list of CPU numbers; text: [0 1]
local bit = require "bit"
local U = require "ttlua.decode.util"

local band, rshift = bit.band, bit.rshift

-- strace reads at most the size the kernel accepts (its own probe: 128
-- bytes on machines with up to 1024 CPUs).
local CPUSET_MAX = 128

local function cpus(b)
  local out = {}
  for i = 0, #b - 1 do
    local byte = b:byte(i + 1)
    if byte ~= 0 then
      for j = 0, 7 do
        if band(rshift(byte, j), 1) == 1 then out[#out + 1] = i * 8 + j end
      end
    end
  end
  return out
end

local function cpuset_text(c, addr, len, exiting)
  if addr == 0 or (exiting and U.failed(c)) then return U.ptr(addr) end
  if len <= 0 then return "[]" end
  local n = len < CPUSET_MAX and len or CPUSET_MAX
  local b = U.readn(c, addr, n)
  if not b then return U.ptr(addr) end
  local list = cpus(b)
  for i, v in ipairs(list) do list[i] = tostring(v) end
  local size = math.ceil(n / 8) * 8
  if size < len then list[#list + 1] = "..." end
  return "[" .. table.concat(list, " ") .. "]"
end

local function len_of(c, arg)
  if arg.param == "ret" then return c.result or 0 end
  local i = c.spec.argi[arg.param]
  return i and U.u32(c._args[i]) or 0
end

U.type("cpuset", {
  out = nil,
  value = function(c, raw, arg)
    if arg.param == "ret" and U.failed(c) then return nil end
    local len = len_of(c, arg)
    local b = U.readn(c, raw, len < CPUSET_MAX and len or CPUSET_MAX)
    return b and cpus(b) or nil
  end,
  format = function(c, raw, arg)
    return cpuset_text(c, raw, len_of(c, arg), arg.param == "ret")
  end,
  encode = function(c, v)
    if type(v) ~= "table" then return v end
    local bytes = {}
    for i = 1, CPUSET_MAX do bytes[i] = 0 end
    for _, cpu in ipairs(v) do
      local i = math.floor(cpu / 8) + 1
      if i <= CPUSET_MAX then bytes[i] = bit.bor(bytes[i], bit.lshift(1, cpu % 8)) end
    end
    return c.proc:alloc_bytes(string.char(unpack(bytes)))
  end,
})

U.call("sched_getaffinity", U.printer(
  function(c) return U.dec(U.s32(c._args[1])) .. ", " .. U.dec(U.u32(c._args[2])) .. ", " end,
  function(c) return cpuset_text(c, c._args[3], c.result or 0, true) end))
U.call("sched_setaffinity", U.at_entry(function(c)
  local len = U.u32(c._args[2])
  return U.dec(U.s32(c._args[1])) .. ", " .. U.dec(len) .. ", " .. cpuset_text(c, c._args[3], len)
end))

local function policy(v) return U.enum_x("sched_policy", v, "SCHED_???") end
U.call("sched_getscheduler", U.at_entry(
  function(c) return U.dec(U.s32(c._args[1])) end,
  function(c)
    if U.failed(c) then return nil end
    local n = U.name("sched_policy", c.result)
    return n and (U.dec(c.result) .. " (" .. n .. ")") or nil
  end))
local function prio(c, addr)
  if addr == 0 then return "NULL" end
  local v = U.read_i32(c, addr)
  return v and ("[" .. v .. "]") or U.ptr(addr)
end
U.call("sched_setscheduler", U.at_entry(function(c)
  return U.dec(U.s32(c._args[1])) .. ", " .. policy(U.u32(c._args[2])) .. ", " .. prio(c, c._args[3])
end))
U.call("sched_setparam", U.at_entry(function(c)
  return U.dec(U.s32(c._args[1])) .. ", " .. prio(c, c._args[2])
end))
U.call("sched_getparam", U.printer(
  function(c) return U.dec(U.s32(c._args[1])) .. ", " end,
  function(c)
    if U.failed(c) then return U.ptr(c._args[2]) end
    return prio(c, c._args[2])
  end))
U.call("sched_get_priority_max", U.at_entry(function(c) return policy(U.u32(c._args[1])) end))
U.call("sched_get_priority_min", U.at_entry(function(c) return policy(U.u32(c._args[1])) end))

return { cpuset_text = cpuset_text }
