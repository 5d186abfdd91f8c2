-- ttlua.stamp: strace's timestamps for the strace-style log (-t, -tt,
-- -ttt, --timestamps=FORMAT, -r, -T), in strace 6.1's formats:
--   -t    "20:35:14 "             -tt   "20:35:14.084082 "
--   -ttt  "1795725314.227955 "    -r    "     0.000123 "
--   -t -r "20:35:14 (+     0.000123) "
--   -T    " <0.000123>" after the result (none after "= ?")
-- The printer owns one stamp object (printer.ts) only when one of these
-- options is given; without it the printer makes no clock call at all.
--
-- Times are read when the printer handles a stop (the call's entry for its
-- line, the exit for -T and for a "<... resumed>" line).  Wall-clock time
-- is CLOCK_REALTIME; -r and -T are differences of CLOCK_MONOTONIC readings,
-- kept as integer nanoseconds since the stamp was made (exact in a double
-- for 104 days).
local ffi = require "ffi"

local format, floor = string.format, math.floor

-- The engine declares clock_gettime too (a second declaration is an error);
-- the timespec is a plain int64_t[2] (ttlua.structs owns struct ttl_timespec).
pcall(ffi.cdef, "int clock_gettime(int clk, void *ts);")
local C = ffi.C
local CLOCK_REALTIME, CLOCK_MONOTONIC = 0, 1
local tsbuf = ffi.new("int64_t[2]")

local S = {}
S.__index = S

local pow10 = { [0] = 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                1000000000 }

-- Precision names (strace's): digits after the point.
S.precisions = { s = 0, ms = 3, us = 6, ns = 9 }

-- opts: kind = "time" | "unix" | nil (no absolute stamp), prec = digits of
-- it; rel = digits of -r or nil; syscall = digits of -T or nil.
function S.new(opts)
  local self = setmetatable({
    kind = opts.kind, prec = opts.prec or 0,
    rel = opts.rel, syscall = opts.syscall,
    last = nil,       -- monotonic ns of the previous line's stamp (-r)
    day_sec = nil, day_text = nil, -- the last HH:MM:SS made (one a second)
  }, S)
  C.clock_gettime(CLOCK_MONOTONIC, tsbuf)
  self.base = tonumber(tsbuf[0])
  self.need_mono = (opts.rel or opts.syscall) and true or false
  self.leads = (opts.kind or opts.rel) and true or false -- lines start with a stamp
  return self
end

-- Monotonic nanoseconds since the stamp was made.
function S:mono()
  C.clock_gettime(CLOCK_MONOTONIC, tsbuf)
  return (tonumber(tsbuf[0]) - self.base) * 1e9 + tonumber(tsbuf[1])
end

-- "S" or "S.FFF" of ns nanoseconds at digits precision; secfmt: "%d" or
-- "%6d" (strace's -r column).
local function seconds(ns, digits, secfmt)
  local sec = floor(ns / 1e9)
  if digits == 0 then return format(secfmt, sec) end
  local frac = floor((ns - sec * 1e9) / pow10[9 - digits])
  return format(secfmt .. ".%0" .. digits .. "d", sec, frac)
end
S.seconds = seconds

-- The absolute part ("20:35:14.084082" or "1795725314.227955").
function S:absolute()
  C.clock_gettime(CLOCK_REALTIME, tsbuf)
  local sec, nsec = tonumber(tsbuf[0]), tonumber(tsbuf[1])
  local text
  if self.kind == "unix" then
    text = format("%d", sec)
  else
    if sec ~= self.day_sec then
      self.day_sec, self.day_text = sec, os.date("%H:%M:%S", sec)
    end
    text = self.day_text
  end
  local d = self.prec
  if d == 0 then return text end
  return format("%s.%0" .. d .. "d", text, floor(nsec / pow10[9 - d]))
end

-- The text a line starts with (after the pid prefix), ending in a space.
-- now: a monotonic reading taken at this stop (nil: read it here if needed).
function S:text(now)
  local rel = self.rel
  if rel then
    now = now or self:mono()
    local d = self.last and now - self.last or 0
    if d < 0 then d = 0 end
    self.last = now
    local r = seconds(d, rel, "%6d")
    if self.kind then return self:absolute() .. " (+" .. r .. ") " end
    return r .. " "
  end
  return self:absolute() .. " "
end

-- -T's " <0.000123>": the time from t0 to t1 (monotonic ns).
function S:duration(t0, t1)
  local d = t1 - t0
  if d < 0 then d = 0 end
  return " <" .. seconds(d, self.syscall, "%d") .. ">"
end

return S
