-- ttlua.decode.time: sleeping and clock calls where strace prints more
-- (or less) than the arguments' types say.
--   nanosleep, clock_nanosleep: the remaining time only when the sleep was
--     interrupted to be restarted, else its address
--   time: the date of the result, time([N /* date */])
--   adjtimex, clock_adjtime: the clock state after the result (TIME_OK)
local U = require "ttlua.decode.util"

-- a clock id: its name, or the int in hex with strace's comment
local function clock_text(raw)
  local id = U.s32(raw)
  local n = id >= 0 and U.name("clockid", id)
  if n then return n end
  return U.x32(id) .. " /* CLOCK_??? */"
end
U.type("clockid", {
  value = function(_, raw) return U.s32(raw) end,
  format = function(_, raw) return clock_text(raw) end,
  encode = function(_, v) return v end,
})

local function ts(c, addr) return U.pstruct(c, addr, "timespec") end

local function restart(c)
  local r = c.result
  return r and r <= -512 and r >= -516
end

U.call("nanosleep", U.printer(
  function(c) return ts(c, c._args[1]) .. ", " end,
  function(c)
    if restart(c) then return ts(c, c._args[2]) end
    return U.ptr(c._args[2])
  end))

U.call("clock_nanosleep", U.printer(
  function(c)
    return U.arg(c, 1) .. ", " .. U.set("timer_flags", U.u32(c._args[2])) .. ", "
      .. ts(c, c._args[3]) .. ", "
  end,
  function(c)
    if c._args[2] == 0 and restart(c) then return ts(c, c._args[4]) end
    return U.ptr(c._args[4])
  end))

local function datestr(sec)
  local ok, s = pcall(os.date, "%Y-%m-%dT%H:%M:%S%z", sec)
  return ok and s or nil
end

U.call("time", U.printer(
  function() return "" end,
  function(c)
    local addr = c._args[1]
    if addr == 0 then return "NULL" end
    local v = not U.failed(c) and U.read_i64(c, addr)
    if not v then return U.ptr(addr) end
    local d = datestr(v)
    return "[" .. v .. (d and (" /* " .. d .. " */") or "") .. "]"
  end,
  function(c)
    if U.failed(c) then return nil end
    local d = datestr(c.result)
    return d and (U.dec(c.result) .. " (" .. d .. ")") or nil
  end))

local function timex(c, addr)
  if U.failed(c) then return U.ptr(addr) end
  return U.pstruct(c, addr, "timex")
end
local function clock_state(c)
  if U.failed(c) then return nil end
  local n = U.name("adjtimex_state", c.result)
  return n and (U.dec(c.result) .. " (" .. n .. ")") or nil
end
U.call("adjtimex", U.printer(function() return "" end,
  function(c) return timex(c, c._args[1]) end, clock_state))
U.call("clock_adjtime", U.printer(function(c) return U.arg(c, 1) .. ", " end,
  function(c) return timex(c, c._args[2]) end, clock_state))

-- struct sigevent (timer_create, mq_notify)
local SIGEV_SIGNAL, SIGEV_THREAD, SIGEV_THREAD_ID = 0, 2, 4
local function sigevent_text(c, addr)
  if addr == 0 then return "NULL" end
  local b = U.readn(c, addr, 32)
  if not b then return U.ptr(addr) end
  local val, signo, notify = U.get_u64(b, 0), U.get_i32(b, 2), U.get_i32(b, 3)
  local p = {}
  if val ~= 0 then
    p[#p + 1] = "sigev_value={sival_int=" .. U.get_i32(b, 0) .. ", sival_ptr=" .. U.ptr(val) .. "}"
  end
  if notify == SIGEV_SIGNAL or notify == SIGEV_THREAD or notify == SIGEV_THREAD_ID then
    p[#p + 1] = "sigev_signo=" .. U.signal(signo)
  else
    p[#p + 1] = "sigev_signo=" .. U.dec(U.u32(signo))
  end
  p[#p + 1] = "sigev_notify=" .. U.enum_x("sigev_notify", U.u32(notify), "SIGEV_???")
  if notify == SIGEV_THREAD_ID then
    p[#p + 1] = "sigev_notify_thread_id=" .. U.get_i32(b, 4)
  elseif notify == SIGEV_THREAD then
    p[#p + 1] = "sigev_notify_function=" .. U.ptr(U.get_u64(b, 2))
    p[#p + 1] = "sigev_notify_attributes=" .. U.ptr(U.get_u64(b, 3))
  end
  return "{" .. table.concat(p, ", ") .. "}"
end

U.call("timer_create", U.printer(
  function(c) return U.arg(c, 1) .. ", " .. sigevent_text(c, c._args[2]) .. ", " end,
  function(c)
    local addr = c._args[3]
    if addr == 0 then return "NULL" end
    local v = not U.failed(c) and U.read_i32(c, addr)
    return v and ("[" .. v .. "]") or U.ptr(addr)
  end))
U.call("mq_notify", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. sigevent_text(c, c._args[2])
end))

return { sigevent_text = sigevent_text }
