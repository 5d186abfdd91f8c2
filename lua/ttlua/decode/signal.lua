-- ttlua.decode.signal: signal sets and the rt_sig* calls.
--   sigset(SIZE)   a kernel sigset of SIZE bytes; value: sorted list of the
--                  signal numbers in it; text: [INT CHLD], or ~[...] when two
--                  thirds or more of the bits are set (strace's form)
-- Whole-line printers: rt_sigprocmask (old set at exit), rt_sigpending,
-- rt_sigtimedwait (signal name after the result), rt_sigreturn (the mask
-- the signal frame restores), rt_sigqueueinfo and friends.
local bit = require "bit"
local core = require "ttlua.core"
local U = require "ttlua.decode.util"

local band, rshift = bit.band, bit.rshift
local concat = table.concat

local NSIG_BYTES = 8

-- The signals of a mask given as two 32-bit words.
local function signals_of(lo, hi)
  local out = {}
  for i = 0, 31 do
    if band(rshift(lo, i), 1) == 1 then out[#out + 1] = i + 1 end
  end
  for i = 0, 31 do
    if band(rshift(hi, i), 1) == 1 then out[#out + 1] = i + 33 end
  end
  return out
end

local function popcount(v)
  local n = 0
  while v ~= 0 do
    v = band(v, v - 1)
    n = n + 1
  end
  return n
end

local function short_name(sig)
  if sig == 32 then return "RTMIN" end
  if sig > 32 then return "RT_" .. (sig - 32) end
  local n = U.signame(sig)
  return (n:gsub("^SIG", ""))
end

-- strace's sprintsigmask_n over nwords 32-bit words (1 or 2).
local function mask_text(lo, hi, nwords)
  local inv = popcount(lo) + (nwords > 1 and popcount(hi) or 0) >= nwords * 32 * 2 / 3
  if inv then
    lo, hi = bit.bnot(lo), bit.bnot(hi)
  end
  if nwords < 2 then hi = 0 end
  local names = {}
  for i, sig in ipairs(signals_of(lo, hi)) do names[i] = short_name(sig) end
  return (inv and "~[" or "[") .. concat(names, " ") .. "]"
end

-- Read a sigset of len bytes at addr: lo, hi words, or nil.
local function read_set(call, addr, len)
  local b = U.readn(call, addr, len)
  if not b then return nil end
  b = b .. ("\0"):rep(8 - len)
  return U.get_u32(b, 0), U.get_u32(b, 1)
end

-- The text of a sigset argument (print_sigset_addr_len_limit).
local function sigset_text(call, addr, len, min_len)
  if addr == 0 then return "NULL" end
  if len < (min_len or 8) or len > NSIG_BYTES then return U.ptr(addr) end
  local lo, hi = read_set(call, addr, len)
  if not lo then return U.ptr(addr) end
  return mask_text(lo, hi, math.ceil(len / 4))
end

local function sigset_value(call, addr, len)
  if addr == 0 or len < 1 or len > NSIG_BYTES then return nil end
  local lo, hi = read_set(call, addr, len)
  if not lo then return nil end
  return signals_of(lo, len > 4 and hi or 0)
end

local function size_of(call, arg)
  local i = call.spec.argi[arg.param]
  return i and call._args[i] or NSIG_BYTES
end

U.type("sigset", {
  value = function(call, raw, arg) return sigset_value(call, raw, size_of(call, arg)) end,
  format = function(call, raw, arg) return sigset_text(call, raw, size_of(call, arg)) end,
  encode = function(call, v)
    if type(v) ~= "table" then return v end
    local lo, hi = 0, 0
    for _, sig in ipairs(v) do
      if sig >= 1 and sig <= 32 then lo = bit.bor(lo, bit.lshift(1, sig - 1))
      elseif sig > 32 and sig <= 64 then hi = bit.bor(hi, bit.lshift(1, sig - 33)) end
    end
    local ffi = require "ffi"
    local words = ffi.new("uint32_t[2]", lo, hi)
    return call.proc:alloc_bytes(ffi.string(words, 8))
  end,
})

local M = { mask_text = mask_text, sigset_text = sigset_text }

-- out value at exit: the address when the call failed
local function out_set(call, addr, len, min_len)
  if U.failed(call) and addr ~= 0 then return U.ptr(addr) end
  return sigset_text(call, addr, len, min_len)
end

U.call("rt_sigprocmask", U.printer(
  function(c)
    return U.arg(c, 1) .. ", " .. sigset_text(c, U.raw(c, 2), U.raw(c, 4)) .. ", "
  end,
  function(c)
    return out_set(c, U.raw(c, 3), U.raw(c, 4)) .. ", " .. U.udec(U.raw(c, 4))
  end))

U.call("rt_sigpending", U.printer(
  function() return "" end,
  function(c)
    return out_set(c, U.raw(c, 1), U.raw(c, 2), 1) .. ", " .. U.udec(U.raw(c, 2))
  end))

U.call("rt_sigsuspend", U.at_entry(function(c)
  return sigset_text(c, U.raw(c, 1), U.raw(c, 2)) .. ", " .. U.udec(U.raw(c, 2))
end))

-- The mask rt_sigreturn restores: in the ucontext of the signal frame,
-- 8 + 296 bytes above the frame start (sp - 8 at the syscall).
local SIGMASK_IN_FRAME = 8 + 296
U.call("rt_sigreturn", U.at_entry(function(c)
  local sp = c._sp
  if not sp then
    sp = tonumber(core.ev.sp)
    c._sp = sp
  end
  if not sp or sp == 0 then return "" end
  return "{mask=" .. sigset_text(c, sp - 8 + SIGMASK_IN_FRAME, 8) .. "}"
end))

-- The signal name after a positive result (rt_sigtimedwait).
local function signal_result(c)
  local r = c.result
  if r and r > 0 and r <= 64 then return U.dec(r) .. " (" .. U.signame(r) .. ")" end
  return nil
end

local function timespec_text(c, addr)
  return U.as("timespec_in", c, addr)
end

U.call("rt_sigtimedwait", {
  entry = function(c)
    local s = sigset_text(c, U.raw(c, 1), U.raw(c, 4)) .. ", "
    if U.raw(c, 2) == 0 then
      return s .. "NULL, " .. timespec_text(c, U.raw(c, 3)) .. ", " .. U.udec(U.raw(c, 4))
    end
    c._ts = timespec_text(c, U.raw(c, 3))
    return s
  end,
  exit = function(c)
    if U.raw(c, 2) == 0 then return "" end
    local info = U.failed(c) and U.ptr(U.raw(c, 2)) or U.pstruct(c, U.raw(c, 2), "siginfo")
    return info .. ", " .. (c._ts or U.ptr(U.raw(c, 3))) .. ", " .. U.udec(U.raw(c, 4))
  end,
  result = signal_result,
})

local function siginfo_in(c, addr)
  return U.pstruct(c, addr, "siginfo")
end
U.call("rt_sigqueueinfo", U.at_entry(function(c)
  return U.dec(U.s32(U.raw(c, 1))) .. ", " .. U.signal(U.s32(U.raw(c, 2))) .. ", "
    .. siginfo_in(c, U.raw(c, 3))
end))
U.call("rt_tgsigqueueinfo", U.at_entry(function(c)
  return U.dec(U.s32(U.raw(c, 1))) .. ", " .. U.dec(U.s32(U.raw(c, 2))) .. ", "
    .. U.signal(U.s32(U.raw(c, 3))) .. ", " .. siginfo_in(c, U.raw(c, 4))
end))
U.call("pidfd_send_signal", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.signal(U.s32(U.raw(c, 2))) .. ", "
    .. siginfo_in(c, U.raw(c, 3)) .. ", " .. U.x32(U.raw(c, 4))
end))

-- kill, tkill, tgkill: printsignal prints unknown numbers in decimal
local function sig_arg(c, i) return U.signal(U.s32(U.raw(c, i))) end
U.call("kill", U.at_entry(function(c)
  return U.dec(U.s32(U.raw(c, 1))) .. ", " .. sig_arg(c, 2)
end))
U.call("tkill", U.at_entry(function(c)
  return U.dec(U.s32(U.raw(c, 1))) .. ", " .. sig_arg(c, 2)
end))
U.call("tgkill", U.at_entry(function(c)
  return U.dec(U.s32(U.raw(c, 1))) .. ", " .. U.dec(U.s32(U.raw(c, 2))) .. ", " .. sig_arg(c, 3)
end))

-- signalfd/signalfd4: the mask's size is the second size argument
U.call("signalfd", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. sigset_text(c, U.raw(c, 2), U.raw(c, 3)) .. ", " .. U.udec(U.raw(c, 3))
end))
U.call("signalfd4", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. sigset_text(c, U.raw(c, 2), U.raw(c, 3)) .. ", "
    .. U.udec(U.raw(c, 3)) .. ", " .. U.arg(c, 4)
end))

return M
