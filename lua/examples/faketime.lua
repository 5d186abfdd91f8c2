-- faketime.lua: the program sees another time, fixed, shifted or faster.
--
--   ttlua --arg at=2001-02-03T04:05:06 lua/examples/faketime.lua -- date -u
--   ttlua --arg offset=-86400 lua/examples/faketime.lua -- date      # yesterday
--   ttlua --arg speed=1000 lua/examples/faketime.lua -- sleep 10     # 10 ms
--   ttlua --arg at=@1000000000 --arg frozen=1 lua/examples/faketime.lua -- ...
--
-- Settings (--arg KEY=VALUE):
--   at=TIME      the wall clock starts at TIME: "YYYY-MM-DD[THH:MM:SS]" (UTC)
--                or "@SECONDS" since the epoch
--   offset=S     the wall clock is S seconds off (may be negative, fractional)
--   speed=F      clocks run F times as fast (0.5 = half); sleeps last 1/F
--   frozen=1     the clocks stand still (sleeps still take their real time)
-- clock_gettime, gettimeofday and time are answered from Lua, without the
-- kernel: the policy handles them, so ttlua removes the vDSO and every
-- reading of the clock is a system call it sees.  CLOCK_REALTIME (and
-- _COARSE, TAI) follows the fake wall clock; CLOCK_MONOTONIC (and _RAW,
-- _COARSE, BOOTTIME) runs at the fake speed from the real value at start;
-- CPU-time clocks are left alone.  clock_nanosleep and nanosleep sleep the
-- scaled real time (an absolute deadline on a fake clock is converted).
-- Timeouts of poll, select, futex and epoll are not scaled.
local ttlua = require "ttlua"
local ffi = require "ffi"
local bit = require "bit"

local E = ttlua.errno

-- The real clocks, read by ttlua itself (the engine declares clock_gettime
-- taking a void *).
local tsbuf = ffi.new("int64_t[2]")
local function real(clk)
  ffi.C.clock_gettime(clk, tsbuf)
  return tonumber(tsbuf[0]) + tonumber(tsbuf[1]) * 1e-9
end

-- ---- the settings ---------------------------------------------------------
local args = ttlua.args
local function parse_time(s)
  local epoch = s:match("^@(%-?[%d.]+)$")
  if epoch and tonumber(epoch) then return tonumber(epoch) end
  local y, mo, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)")
  if not y then error("faketime: at=" .. s .. " is not YYYY-MM-DD[THH:MM:SS] or @SECONDS", 0) end
  local h, mi, se = s:match("[T ](%d%d):(%d%d):?(%d*)$")
  -- days since the epoch of a proleptic Gregorian date (UTC, no time zone)
  y, mo, d = tonumber(y), tonumber(mo), tonumber(d)
  if mo <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local doy = math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  local days = era * 146097 + doe - 719468
  return days * 86400 + (tonumber(h) or 0) * 3600 + (tonumber(mi) or 0) * 60 + (tonumber(se) or 0)
end

local S = require("ttlua.settings").new("faketime")
S:args({ "at", "offset", "speed", "frozen" })
local speed = S:number("speed", args.speed or "1", { gt = 0 })
if S:flag("frozen", args.frozen) then speed = 0 end
local offset = S:number("offset", args.offset or "0")
if args.at and args.offset then S:fail("at= and offset= cannot both be given") end
local start_real, start_mono = real(0), real(1)
local start_fake = args.at and parse_time(args.at) or start_real + offset

local REALTIME = { [0] = true, [5] = true, [11] = true }
local MONOTONIC = { [1] = true, [4] = true, [6] = true, [7] = true }

-- The fake reading of clock clk, or nil for clocks left alone.
local function fake(clk)
  if REALTIME[clk] then return start_fake + (real(0) - start_real) * speed end
  if MONOTONIC[clk] then return start_mono + (real(1) - start_mono) * speed end
  return nil
end

local function split(t)
  local sec = math.floor(t)
  local nsec = math.floor((t - sec) * 1e9 + 0.5)
  if nsec >= 1e9 then sec, nsec = sec + 1, nsec - 1e9 end
  return sec, nsec
end

local P = {}

function P.clock_gettime(call)
  local t = fake(call.clockid)
  if not t then return end
  if call.args[2] == 0 then return -E.EFAULT end
  local sec, nsec = split(t)
  call.tp = { tv_sec = sec, tv_nsec = nsec }
  return 0
end

function P.gettimeofday(call)
  local sec, nsec = split(fake(0))
  if call.args[1] ~= 0 then call.tv = { tv_sec = sec, tv_usec = math.floor(nsec / 1000) } end
  if call.args[2] ~= 0 then call.tz = { tz_minuteswest = 0, tz_dsttime = 0 } end
  return 0
end

function P.time(call)
  local sec = math.floor(fake(0))
  if call.args[1] ~= 0 then call.tloc = sec end
  return sec
end

-- How long a fake interval of d seconds lasts for real.
local function real_duration(d)
  if speed == 0 then return d end
  return d / speed
end

local function sleep(call, clk, abstime, reqfield, remfield)
  local req = call[reqfield]
  if not req then return end -- a bad pointer: the kernel says EFAULT
  local d = req.tv_sec + req.tv_nsec * 1e-9
  if abstime then
    local now = fake(clk)
    if not now then return end
    d = d - now
    call.flags = 0
  end
  local sec, nsec = split(math.max(0, real_duration(d)))
  call[reqfield] = { tv_sec = sec, tv_nsec = nsec }
  local r = call:run()
  -- interrupted (EINTR, or to be restarted): the time left, in fake seconds
  local remp = call.args[remfield]
  if (r == -E.EINTR or r == -516) and not abstime and remp ~= 0 then
    local b = call.proc:read(remp, 16)
    if b and #b == 16 then
      local t = ffi.cast("const int64_t *", b)
      local left = (tonumber(t[0]) + tonumber(t[1]) * 1e-9) * (speed == 0 and 1 or speed)
      local s2, n2 = split(left)
      call.proc:write(remp, ffi.string(ffi.new("int64_t[2]", s2, n2), 16))
    end
  end
end

function P.clock_nanosleep(call)
  local clk = call.clockid
  if not (REALTIME[clk] or MONOTONIC[clk]) then return end
  return sleep(call, clk, bit.band(call.flags, 1) ~= 0, "request", 4)
end

function P.nanosleep(call)
  return sleep(call, 1, false, "req", 2)
end

return P
