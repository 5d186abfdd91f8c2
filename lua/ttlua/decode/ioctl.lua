-- ttlua.decode.ioctl: ioctl(2).
--   ioctl_req        the request code: its name(s) from the ioctl_cmds set
--                    ("BTRFS_IOC_CLONE or FICLONE"), else _IOC(dir, type, nr, size)
--   ioctl_arg(REQ)   the argument as the request defines it: a struct termios
--                    or winsize (value: the decoded table), an int the tracee
--                    points to (value: the int), an int, nothing (FIOCLEX), or,
--                    for requests without a decoder, the raw value in hex
-- Requests that fill in memory print it at exit ({c_iflag=...}); on error
-- the address.  This file knows the terminal requests, FIONREAD, FIONBIO,
-- FIOASYNC, FIOCLEX/FIONCLEX, the FS_IOC_*FLAGS, FICLONE and a few others.
local U = require "ttlua.decode.util"

local format = string.format

-- decoders: { when = "in" | "out", text = f(call, arg) -> string | nil
--             (nil: nothing printed), value = f(call, arg) }
local D = {}

local function termios_text(c, addr)
  return U.pstruct(c, addr, "termios")
end
local function termios2_text(c, addr)
  return U.pstruct(c, addr, "termios2")
end
local function winsize_text(c, addr)
  return U.pstruct(c, addr, "winsize")
end
local function int_text(c, addr)
  if addr == 0 then return "NULL" end
  local v = U.read_i32(c, addr)
  if not v then return U.ptr(addr) end
  return "[" .. v .. "]"
end
local function int_value(c, addr) return U.read_i32(c, addr) end
local function modem_text(c, addr)
  if addr == 0 then return "NULL" end
  local v = U.read_u32(c, addr)
  if not v then return U.ptr(addr) end
  return "[" .. U.set("modem_flags", v) .. "]"
end
local function fsflags_text(c, addr)
  if addr == 0 then return "NULL" end
  local v = U.read_u32(c, addr)
  if not v then return U.ptr(addr) end
  return "[" .. U.set("fs_ioc_flags", v) .. "]"
end
local function direct_int(_, arg) return U.dec(U.s32(arg)) end
local function none() return nil end

local function struct_value(name)
  return function(c, addr) return U.struct(c, addr, name) end
end

local function def(codes, when, text, value)
  for _, code in ipairs(codes) do D[code] = { when = when, text = text, value = value } end
end

-- terminals (asm-generic/ioctls.h)
local TCGETS, TCSETS, TCSETSW, TCSETSF = 0x5401, 0x5402, 0x5403, 0x5404
local TCGETA, TCSETA, TCSETAW, TCSETAF = 0x5405, 0x5406, 0x5407, 0x5408
def({ TCGETS, 0x5456 --[[TIOCGLCKTRMIOS]] }, "out", termios_text, struct_value("termios"))
def({ TCSETS, TCSETSW, TCSETSF, 0x5457 --[[TIOCSLCKTRMIOS]] }, "in", termios_text,
  struct_value("termios"))
def({ 0x802c542a --[[TCGETS2]] }, "out", termios2_text, struct_value("termios2"))
def({ 0x402c542b, 0x402c542c, 0x402c542d --[[TCSETS2, W2, F2]] }, "in", termios2_text,
  struct_value("termios2"))
def({ TCGETA }, "out", function(_, a) return U.ptr(a) end)
def({ TCSETA, TCSETAW, TCSETAF }, "in", function(_, a) return U.ptr(a) end)
def({ 0x5413 --[[TIOCGWINSZ]] }, "out", winsize_text, struct_value("winsize"))
def({ 0x5414 --[[TIOCSWINSZ]] }, "in", winsize_text, struct_value("winsize"))
def({ 0x540a --[[TCXONC]] }, "in", function(_, a) return U.enum_x("tcxonc_cmd", a, "TC???") end)
def({ 0x540b --[[TCFLSH]] }, "in", function(_, a) return U.enum_x("tcflsh_cmd", a, "TC???") end)
def({ 0x5409, 0x5425, 0x540e --[[TCSBRK, TCSBRKP, TIOCSCTTY]] }, "in", direct_int)
def({ 0x5415 --[[TIOCMGET]] }, "out", modem_text)
def({ 0x5416, 0x5417, 0x5418 --[[TIOCMBIS, TIOCMBIC, TIOCMSET]] }, "in", modem_text)
-- an int the tracee points to
def({ 0x540f --[[TIOCGPGRP]], 0x5429 --[[TIOCGSID]], 0x5424 --[[TIOCGETD]],
      0x5419 --[[TIOCGSOFTCAR]], 0x80045430 --[[TIOCGPTN]], 0x541b --[[FIONREAD]],
      0x5411 --[[TIOCOUTQ]], 0x80045440 --[[TIOCGEXCL]], 0x80045432 --[[TIOCGDEV]] },
  "out", int_text, int_value)
def({ 0x5410 --[[TIOCSPGRP]], 0x5423 --[[TIOCSETD]], 0x5421 --[[FIONBIO]], 0x5452 --[[FIOASYNC]],
      0x5420 --[[TIOCPKT]], 0x541a --[[TIOCSSOFTCAR]], 0x40045431 --[[TIOCSPTLCK]] },
  "in", int_text, int_value)
def({ 0x5412 --[[TIOCSTI]] }, "in", function(c, a) return U.buf(c, a, 1) end)
def({ 0x5427, 0x5428, 0x541d, 0x5422, 0x540c, 0x540d, 0x5451, 0x5450, 0x5437, 0x541f },
  "in", none) -- TIOCSBRK TIOCCBRK TIOCCONS TIOCNOTTY TIOCEXCL TIOCNXCL FIOCLEX FIONCLEX
              -- TIOCVHANGUP TIOCSSERIAL
-- files
def({ 0x80086601, 0x80046601 --[[FS_IOC_GETFLAGS, FS_IOC32_GETFLAGS]] }, "out", fsflags_text,
  int_value)
def({ 0x40086602, 0x40046602 --[[FS_IOC_SETFLAGS, FS_IOC32_SETFLAGS]] }, "in", fsflags_text,
  int_value)
def({ 0x40049409 --[[FICLONE]] }, "in", direct_int, function(_, a) return U.s32(a) end)
def({ 0x4020940d --[[FICLONERANGE]] }, "in", function(c, a)
  if a == 0 then return "NULL" end
  local b = U.readn(c, a, 32)
  if not b then return U.ptr(a) end
  return format("{src_fd=%d, src_offset=%s, src_length=%s, dest_offset=%s}", U.get_i32(b, 0),
    U.get_u64_text(b, 1), U.get_u64_text(b, 2), U.get_u64_text(b, 3))
end)
-- random (linux/random.h)
def({ 0x80045200 --[[RNDGETENTCNT]] }, "out", int_text, int_value)
def({ 0x40045201 --[[RNDADDTOENTCNT]] }, "in", int_text, int_value)
def({ 0x5206, 0x5207 --[[RNDZAPENTCNT, RNDCLEARPOOL]], 0x5208 --[[RNDRESEEDCRNG]] }, "in", none)

local function request(c) return U.u32(c._args[2]) end

local function request_text(code)
  return U.set("ioctl_cmds", code)
end

U.type("ioctl_req", {
  value = function(_, raw) return U.u32(raw) end,
  format = function(_, raw) return request_text(U.u32(raw)) end,
  encode = function(_, v) return v end,
})

U.type("ioctl_arg", {
  value = function(c, raw)
    local d = D[request(c)]
    if d and d.value and (d.when == "in" or c.result ~= nil) then return d.value(c, raw) end
    return raw
  end,
  format = function(c, raw)
    local d = D[request(c)]
    if not d then return U.x(raw) end
    if d.when == "out" and (c.result == nil or U.failed(c)) then
      return c.result == nil and nil or U.ptr(raw)
    end
    return d.text(c, raw)
  end,
  encode = function(_, v) return v end,
})

U.call("ioctl", {
  entry = function(c)
    local code = request(c)
    local s = U.arg(c, 1) .. ", " .. request_text(code)
    local d = D[code]
    if not d then return s .. ", " .. U.x(U.raw(c, 3)) end
    if d.when == "in" then
      local t = d.text(c, U.raw(c, 3))
      if t then s = s .. ", " .. t end
    end
    return s
  end,
  exit = function(c)
    local d = D[request(c)]
    if not d or d.when ~= "out" then return "" end
    local arg = U.raw(c, 3)
    if U.failed(c) then return ", " .. U.ptr(arg) end
    return ", " .. (d.text(c, arg) or U.ptr(arg))
  end,
})

return { decoders = D }
