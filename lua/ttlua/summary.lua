-- ttlua.summary: the -c / -C table, in strace -c's format.
--
--   % time     seconds  usecs/call     calls    errors syscall
--   ------ ----------- ----------- --------- --------- ----------------
--    60.00    0.000030          15         2           openat
--   ...
--   ------ ----------- ----------- --------- --------- ----------------
--   100.00    0.000050           5        10         1 total
--
-- What "time" is.  By default: the CPU time the traced process consumed
-- between the call's entry stop and its exit stop (the kernel's per-process
-- CPU clock, nanosecond resolution).  The thread runs only kernel code in
-- that window, so for a single-threaded program this is the system time of
-- the call, the quantity strace -c reports (strace takes it from wait4's
-- rusage, also per process); time spent blocked (read on an empty pipe,
-- nanosleep) does not count.  Other threads of the process running in the
-- same window add to it.  With -w: wall-clock time between the two stops,
-- which includes ttlua's own stop overhead (a few microseconds per call).
-- A call is counted when its exit stop is seen (as strace does, so exit and
-- exit_group are not counted), or when a policy answered it itself
-- (counted with zero time).  Sorted by -S: time (default), calls, errors,
-- name or nothing (syscall number order); ties keep syscall number order.
local ffi = require "ffi"
local bit = require "bit"

local format, rep = string.format, string.rep

-- The engine declares clock_gettime too (a second declaration is an error);
-- the timespec is a plain int64_t[2] (ttlua.structs owns struct ttl_timespec).
pcall(ffi.cdef, "int clock_gettime(int clk, void *ts);")
local ts = ffi.new("int64_t[2]")
local CLOCK_MONOTONIC, CPUCLOCK_SCHED = 1, 2

local function monotonic()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts[0]) + tonumber(ts[1]) * 1e-9
end

-- The CPU clock of process pid: ((~pid) << 3) | CPUCLOCK_SCHED.
local clock_ids = setmetatable({}, { __mode = "k" })
local function cpu_time(pid)
  local id = clock_ids[pid]
  if not id then
    id = bit.bor(bit.lshift(bit.bnot(pid), 3), CPUCLOCK_SCHED)
    clock_ids[pid] = id
  end
  if ffi.C.clock_gettime(id, ts) ~= 0 then return nil end
  return tonumber(ts[0]) + tonumber(ts[1]) * 1e-9
end

local S = {}
S.__index = S

-- opts: wall = true (-w), sortby = "time"|"calls"|"errors"|"name"|"nothing"
function S.new(opts)
  opts = opts or {}
  return setmetatable({
    counts = {}, -- name -> { nr, calls, errors, time }
    wall = opts.wall,
    sortby = opts.sortby or "time",
  }, S)
end

-- -S values strace accepts -> the key ttlua sorts by.
S.sort_keys = {
  time = "time", ["time-percent"] = "time", time_percent = "time", ["time-total"] = "time",
  time_total = "time", ["total-time"] = "time", total_time = "time",
  calls = "calls", count = "calls", errors = "errors", error = "errors",
  name = "name", syscall = "name", ["syscall-name"] = "name", syscall_name = "name",
  nothing = "nothing", none = "nothing",
}

function S:now(call)
  if self.wall then return monotonic() end
  return cpu_time(call.proc.pid)
end

-- Count one call; t = seconds (nil: no time).
function S:add(spec, result, t)
  local c = self.counts[spec.name]
  if not c then
    c = { nr = spec.nr, calls = 0, errors = 0, time = 0 }
    self.counts[spec.name] = c
  end
  c.calls = c.calls + 1
  if result and result < 0 and result > -4096 and spec.ret ~= "noreturn" then
    c.errors = c.errors + 1
  end
  if t and t > 0 then c.time = c.time + t end
end

-- ---- the log interface (see ttlua.output) --------------------------------------

function S:entry(call)
  rawset(call, "_sum_t0", self:now(call))
end

function S:exit(call)
  local result = rawget(call, "result")
  if result == nil then return end -- no exit stop: not counted, like strace
  local t0 = rawget(call, "_sum_t0")
  local t1 = t0 and self:now(call)
  self:add(call.spec, result, t0 and t1 and t1 - t0)
end

-- A call answered without an exit stop (a handler returned a value).
function S:call(call)
  if rawget(call, "result") == nil then return end
  self:add(call.spec, call.result, 0)
end

function S.line() end
function S.signal() end
function S.exited() end
function S.stopped() end

-- ---- the table -------------------------------------------------------------------------

-- Rows in output order: { name, nr, calls, errors, time }.
function S:rows()
  local rows = {}
  for name, c in pairs(self.counts) do
    rows[#rows + 1] = { name = name, nr = c.nr, calls = c.calls, errors = c.errors, time = c.time }
  end
  local key = self.sortby
  table.sort(rows, function(a, b)
    if key == "time" and a.time ~= b.time then return a.time > b.time end
    if key == "calls" and a.calls ~= b.calls then return a.calls > b.calls end
    if key == "errors" and a.errors ~= b.errors then return a.errors > b.errors end
    if key == "name" and a.name ~= b.name then return a.name < b.name end
    return a.nr < b.nr
  end)
  return rows
end

local function usecs(t, n)
  if n == 0 then return 0 end
  return math.floor(t / n * 1e6 + 1e-7)
end

-- The table as text (strace's layout: columns widen to fit).
function S:format()
  local rows = self:rows()
  local total_t, total_calls, total_errors, name_max, avg_max = 0, 0, 0, 0, 0
  for _, r in ipairs(rows) do
    total_t = total_t + r.time
    total_calls = total_calls + r.calls
    total_errors = total_errors + r.errors
    name_max = math.max(name_max, #r.name)
    avg_max = math.max(avg_max, usecs(r.time, r.calls))
  end
  local w_sec = math.max(11, #format("%.6f", total_t))
  local w_avg = math.max(11, #format("%d", avg_max))
  local w_calls = math.max(9, #format("%d", total_calls))
  local w_err = math.max(9, #format("%d", total_errors))
  local w_name = math.max(16, name_max + 1)
  local out = {}
  out[#out + 1] = format("%6s %" .. w_sec .. "s %" .. w_avg .. "s %" .. w_calls .. "s %"
    .. w_err .. "s %s\n", "% time", "seconds", "usecs/call", "calls", "errors", "syscall")
  local dashes = table.concat({ rep("-", 6), rep("-", w_sec), rep("-", w_avg), rep("-", w_calls),
    rep("-", w_err), rep("-", w_name) }, " ") .. "\n"
  out[#out + 1] = dashes
  local rowfmt = "%6.2f %" .. w_sec .. ".6f %" .. w_avg .. "d %" .. w_calls .. "d %"
    .. w_err .. "s %s\n"
  for _, r in ipairs(rows) do
    local pct = total_t > 0 and 100 * r.time / total_t or 0
    out[#out + 1] = format(rowfmt, pct, r.time, usecs(r.time, r.calls), r.calls,
      r.errors > 0 and format("%d", r.errors) or "", r.name)
  end
  out[#out + 1] = dashes
  out[#out + 1] = format(rowfmt, 100, total_t, usecs(total_t, total_calls), total_calls,
    total_errors > 0 and format("%d", total_errors) or "", "total")
  return table.concat(out)
end

-- The table as one JSON object (for --json).
function S:json()
  local json = require "ttlua.json"
  local parts = {}
  local total_t, total_calls, total_errors = 0, 0, 0
  for _, r in ipairs(self:rows()) do
    total_t = total_t + r.time
    total_calls = total_calls + r.calls
    total_errors = total_errors + r.errors
    parts[#parts + 1] = json.object("name", json.quote(r.name), "nr", json.number(r.nr),
      "calls", json.number(r.calls), "errors", json.number(r.errors),
      "seconds", format("%.9f", r.time))
  end
  return json.object("type", '"summary"', "clock", self.wall and '"wall"' or '"cpu"',
    "calls", "[" .. table.concat(parts, ",") .. "]",
    "total", json.object("calls", json.number(total_calls), "errors", json.number(total_errors),
      "seconds", format("%.9f", total_t)))
end

S.cpu_time, S.monotonic = cpu_time, monotonic
return S
