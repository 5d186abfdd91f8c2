-- ttlua.decode.futex: futex(2).  The arguments it prints depend on the
-- operation, as in strace:
--   futex(0x7f..., FUTEX_WAKE_PRIVATE, 1)
--   futex(0x7f..., FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY)
--   futex_op        the operation (value: the number)
--   futex_arg(OP)   timeout or val2 (4th) and val3 (6th) by operation; value:
--                   a decoded timespec for the waits' timeout, else the number
local bit = require "bit"
local U = require "ttlua.decode.util"

local band, rshift = bit.band, bit.rshift

local WAIT, WAKE, FD, REQUEUE, CMP_REQUEUE, WAKE_OP, LOCK_PI, UNLOCK_PI, TRYLOCK_PI,
      WAIT_BITSET, WAKE_BITSET, WAIT_REQUEUE_PI, CMP_REQUEUE_PI, LOCK_PI2 =
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13

local WAKE_OPS = { [0] = "FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR", "FUTEX_OP_ANDN",
                   "FUTEX_OP_XOR" }
local WAKE_CMPS = { [0] = "FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT",
                    "FUTEX_OP_CMP_LE", "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE" }

local function timespec(c, addr)
  return U.pstruct(c, addr, "timespec")
end

local function bitset(v)
  if v == 0xffffffff then return "FUTEX_BITSET_MATCH_ANY" end
  return string.format("%#x", v)
end

local function wake_op(v3)
  local s = ""
  local op = band(rshift(v3, 28), 0x7)
  if band(rshift(v3, 28), 8) ~= 0 then s = "FUTEX_OP_OPARG_SHIFT<<28|" end
  s = s .. (WAKE_OPS[op] or U.x(op)) .. "<<28" .. (WAKE_OPS[op] and "" or " /* FUTEX_OP_??? */")
  s = s .. "|" .. U.x(band(rshift(v3, 12), 0xfff)) .. "<<12"
  local cmp = band(rshift(v3, 24), 0xf)
  s = s .. "|" .. (WAKE_CMPS[cmp] or U.x(cmp)) .. "<<24" .. (WAKE_CMPS[cmp] and "" or " /* FUTEX_OP_CMP_??? */")
  return s .. "|" .. U.x(band(v3, 0xfff))
end

local function futex_text(c)
  local a = c._args
  local uaddr, op = a[1], U.s32(a[2])
  local cmd = band(op, 127)
  local val, val2, val3 = U.u32(a[3]), U.u32(a[4]), U.u32(a[6])
  local timeout, uaddr2 = a[4], a[5]
  local s = U.ptr(uaddr) .. ", " .. U.enum_x("futex_op", U.u32(op), "FUTEX_???")
  if cmd == WAIT then
    return s .. ", " .. val .. ", " .. timespec(c, timeout)
  elseif cmd == LOCK_PI or cmd == LOCK_PI2 then
    return s .. ", " .. timespec(c, timeout)
  elseif cmd == WAIT_BITSET then
    return s .. ", " .. val .. ", " .. timespec(c, timeout) .. ", " .. bitset(val3)
  elseif cmd == WAKE_BITSET then
    return s .. ", " .. val .. ", " .. bitset(val3)
  elseif cmd == REQUEUE then
    return s .. ", " .. val .. ", " .. val2 .. ", " .. U.ptr(uaddr2)
  elseif cmd == CMP_REQUEUE or cmd == CMP_REQUEUE_PI then
    return s .. ", " .. val .. ", " .. val2 .. ", " .. U.ptr(uaddr2) .. ", " .. val3
  elseif cmd == WAKE_OP then
    return s .. ", " .. val .. ", " .. val2 .. ", " .. U.ptr(uaddr2) .. ", " .. wake_op(val3)
  elseif cmd == WAIT_REQUEUE_PI then
    return s .. ", " .. val .. ", " .. timespec(c, timeout) .. ", " .. U.ptr(uaddr2)
  elseif cmd == FD or cmd == WAKE then
    return s .. ", " .. val
  elseif cmd == UNLOCK_PI or cmd == TRYLOCK_PI then
    return s
  end
  return s .. ", " .. val .. ", " .. U.ptr(timeout) .. ", " .. U.ptr(uaddr2) .. ", " .. U.x32(val3)
end

U.type("futex_op", {
  value = function(_, raw) return U.s32(raw) end,
  format = function(_, raw) return U.enum_x("futex_op", U.u32(raw), "FUTEX_???") end,
  encode = function(_, v) return v end,
})

local TIMED = { [WAIT] = true, [LOCK_PI] = true, [LOCK_PI2] = true, [WAIT_BITSET] = true,
                [WAIT_REQUEUE_PI] = true }
U.type("futex_arg", {
  value = function(c, raw, arg)
    local cmd = band(U.s32(c._args[2]), 127)
    if arg.index == 4 and TIMED[cmd] then
      return raw ~= 0 and U.struct(c, raw, "timespec") or nil
    end
    return U.u32(raw)
  end,
  format = function(c, raw, arg)
    local cmd = band(U.s32(c._args[2]), 127)
    if arg.index == 4 and TIMED[cmd] then return timespec(c, raw) end
    return U.dec(U.u32(raw))
  end,
  encode = function(c, v)
    if type(v) == "table" then return c.proc:alloc_bytes(U.structs().encode("timespec", v)) end
    return v
  end,
})

U.call("futex", U.at_entry(futex_text))

return { futex_text = futex_text }
