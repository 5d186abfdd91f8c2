-- ttlua.decode.poll: poll, ppoll, select, pselect6 and epoll.
--   pollfds(N)        struct pollfd[N]; value: list of { fd, events, revents }
--                     (revents filled after the call ran)
--   fdset(NFDS)       an fd_set of which the first NFDS bits count;
--                     value: the sorted list of fds in it; text: [3 4]
--   epoll_event_in    one struct epoll_event {events=EPOLLIN, data={u32=3, u64=3}}
--   epoll_events_out(ret)  the events epoll_wait returned
-- What poll and select found is printed after the result, as strace does:
--   poll([{fd=3, events=POLLIN}], 1, -1) = 1 ([{fd=3, revents=POLLIN}])
--   select(4, [3], NULL, NULL, NULL) = 1 (in [3])
local bit = require "bit"
local U = require "ttlua.decode.util"
local signal = require "ttlua.decode.signal"

local band, rshift = bit.band, bit.rshift
local concat = table.concat

-- ---- poll ---------------------------------------------------------------------------

local function pollfds_read(c, addr, n)
  if addr == 0 or n <= 0 then return nil end
  local b = U.read(c, addr, 8 * math.min(n, 1024))
  if not b then return nil end
  local out = {}
  for i = 0, math.floor(#b / 8) - 1 do
    local w = U.get_u32(b, 2 * i + 1)
    out[#out + 1] = { fd = U.get_i32(b, 2 * i), events = band(w, 0xffff), revents = rshift(w, 16) }
  end
  return out
end

local function pollfds_entry(c, addr, n)
  return U.parray(c, addr, "pollfd", n, nil, function(t)
    if t.fd < 0 then return "{fd=" .. t.fd .. "}" end
    return "{fd=" .. t.fd .. ", events=" .. U.set("poll_events", t.events) .. "}"
  end)
end

-- the note after the result: the fds with events, and the time left
local function poll_note(c, ts_addr)
  if U.failed(c) then return nil end
  if c.result == 0 then return "Timeout" end
  local addr, n = c._args[1], U.u32(c._args[2])
  local parts = {}
  if addr ~= 0 and n > 0 then
    local max = U.types.opts.strsize
    local printed = 0
    for i = 0, n - 1 do
      local b = U.readn(c, addr + 8 * i, 8)
      if not b then parts[#parts + 1] = U.hex(addr + 8 * i); break end
      local rev = rshift(U.get_u32(b, 1), 16)
      if rev ~= 0 then
        if printed >= max then parts[#parts + 1] = "..."; break end
        parts[#parts + 1] = "{fd=" .. U.get_i32(b, 0) .. ", revents=" .. U.set("poll_events", rev) .. "}"
        printed = printed + 1
      end
    end
  end
  local s = #parts > 0 and ("[" .. concat(parts, ", ") .. "]") or ""
  if ts_addr and ts_addr ~= 0 then
    s = s .. (s == "" and "left " or ", left ") .. U.pstruct(c, ts_addr, "timespec")
  end
  return s ~= "" and s or nil
end

local function with_note(note)
  return function(c)
    local s = note(c)
    if not s then return nil end
    return U.types.format_result(c.spec.ret, c.result, c) .. " (" .. s .. ")"
  end
end

U.type("pollfds", {
  both = true,
  value = function(c, raw, arg)
    local i = c.spec.argi[arg.param]
    return pollfds_read(c, raw, i and U.u32(c._args[i]) or 0)
  end,
  format = function(c, raw, arg)
    local i = c.spec.argi[arg.param]
    return pollfds_entry(c, raw, i and U.u32(c._args[i]) or 0)
  end,
})

U.call("poll", U.at_entry(function(c)
  return pollfds_entry(c, c._args[1], U.u32(c._args[2])) .. ", " .. U.dec(U.u32(c._args[2])) .. ", "
    .. U.dec(U.s32(c._args[3]))
end, with_note(function(c) return poll_note(c, nil) end)))

U.call("ppoll", U.at_entry(function(c)
  local a = c._args
  return pollfds_entry(c, a[1], U.u32(a[2])) .. ", " .. U.dec(U.u32(a[2])) .. ", "
    .. U.pstruct(c, a[3], "timespec") .. ", " .. signal.sigset_text(c, a[4], a[5]) .. ", "
    .. U.udec(a[5])
end, with_note(function(c) return poll_note(c, c._args[3]) end)))

-- ---- select ---------------------------------------------------------------------------

local function nfds_of(v)
  local n = U.s32(v)
  if n < 0 then n = 0 end
  if n > 1024 * 1024 then n = 1024 * 1024 end
  return n
end
local function fdsize(n) return math.ceil(math.ceil(n / 8) / 8) * 8 end

local function fds_in(b, n)
  local out = {}
  for fd = 0, n - 1 do
    local byte = b:byte(math.floor(fd / 8) + 1)
    if byte and band(rshift(byte, fd % 8), 1) == 1 then out[#out + 1] = fd end
  end
  return out
end

local function fdset_text(c, addr, n)
  local size = fdsize(n)
  if size <= 0 or addr == 0 then return U.ptr(addr) end
  local b = U.readn(c, addr, size)
  if not b then return U.ptr(addr) end
  local fds = fds_in(b, n)
  for i, fd in ipairs(fds) do fds[i] = tostring(fd) end
  return "[" .. concat(fds, " ") .. "]"
end

U.type("fdset", {
  both = true,
  value = function(c, raw, arg)
    local i = c.spec.argi[arg.param]
    local n = nfds_of(i and c._args[i] or 0)
    local b = raw ~= 0 and U.readn(c, raw, fdsize(n))
    return b and fds_in(b, n) or nil
  end,
  format = function(c, raw, arg)
    local i = c.spec.argi[arg.param]
    return fdset_text(c, raw, nfds_of(i and c._args[i] or 0))
  end,
})

local function select_entry(tsname)
  return function(c)
    local a = c._args
    local n = nfds_of(a[1])
    local out = { U.dec(U.s32(a[1])) }
    for i = 2, 4 do out[#out + 1] = fdset_text(c, a[i], n) end
    out[#out + 1] = U.pstruct(c, a[5], tsname)
    if tsname == "timeval" then c._ts_name = "timeval" end
    return concat(out, ", ")
  end
end

local function select_note(tsname)
  return function(c)
    if U.failed(c) then return nil end
    local ready = c.result
    if ready == 0 then return "Timeout" end
    local a = c._args
    local n = nfds_of(a[1])
    local size = fdsize(n)
    local s, sep = "", ""
    local names = { "in", "out", "except" }
    for i = 1, 3 do
      if ready <= 0 then break end
      local addr = a[i + 1]
      local b = addr ~= 0 and size > 0 and U.readn(c, addr, size)
      if b then
        local first = true
        for _, fd in ipairs(fds_in(b, n)) do
          if first then
            s = s .. sep .. names[i] .. " [" .. fd
            first, sep = false, ", "
          else
            s = s .. " " .. fd
          end
          ready = ready - 1
          if ready == 0 then break end
        end
        if s ~= "" then s = s .. "]" end
      end
    end
    if a[5] ~= 0 then s = s .. sep .. "left " .. U.pstruct(c, a[5], tsname) end
    return s
  end
end

local function select_result(note)
  return function(c)
    local s = note(c)
    if not s then return nil end
    return U.types.format_result(c.spec.ret, c.result, c) .. " (" .. s .. ")"
  end
end

U.call("select", U.at_entry(select_entry("timeval"), select_result(select_note("timeval"))))

local function sigset_pack(c, addr)
  if addr == 0 then return "NULL" end
  local b = U.readn(c, addr, 16)
  if not b then return U.ptr(addr) end
  local ss, len = U.get_u64(b, 0), U.get_u64(b, 1)
  return "{sigmask=" .. signal.sigset_text(c, ss, len) .. ", sigsetsize=" .. U.udec(len) .. "}"
end
U.call("pselect6", U.at_entry(function(c)
  return select_entry("timespec")(c) .. ", " .. sigset_pack(c, c._args[6])
end, select_result(select_note("timespec"))))

-- ---- epoll ------------------------------------------------------------------------------

local function epoll_event_text(t)
  return "{events=" .. U.set("epoll_events", t.events) .. ", data={u32=" .. U.dec(t.data % 4294967296)
    .. ", u64=" .. (t._exact and t._exact.data and tostring(t._exact.data):gsub("ULL$", "") or U.dec(t.data)) .. "}}"
end

U.type("epoll_event_in", {
  value = function(c, raw) return U.struct(c, raw, "epoll_event") end,
  format = function(c, raw)
    if raw == 0 then return "NULL" end
    local t = U.struct(c, raw, "epoll_event")
    return t and epoll_event_text(t) or U.ptr(raw)
  end,
  encode = function(c, v)
    if type(v) ~= "table" then return v end
    return c.proc:alloc_bytes(U.structs().encode("epoll_event", v))
  end,
})

local function events_text(c, addr)
  if U.failed(c) then return U.ptr(addr) end
  return U.parray(c, addr, "epoll_event", c.result, nil, function(t) return epoll_event_text(t) end)
end

U.type("epoll_events_out", {
  out = true,
  value = function(c, raw)
    if U.failed(c) then return nil end
    local b = U.read(c, raw, 12 * c.result)
    if not b then return nil end
    return U.structs().decode_array("epoll_event", b)
  end,
  format = function(c, raw) return events_text(c, raw) end,
})

U.call("epoll_create", U.at_entry(function(c) return U.dec(U.s32(c._args[1])) end))
U.call("epoll_ctl", U.at_entry(function(c)
  local a = c._args
  local op = U.u32(a[2])
  local ev
  if op == 2 then ev = U.ptr(a[4]) -- EPOLL_CTL_DEL
  elseif a[4] == 0 then ev = "NULL"
  else
    local t = U.struct(c, a[4], "epoll_event")
    ev = t and epoll_event_text(t) or U.ptr(a[4])
  end
  return U.arg(c, 1) .. ", " .. U.enum_x("epoll_ctl_op", op, "EPOLL_CTL_???") .. ", " .. U.arg(c, 3)
    .. ", " .. ev
end))

local function wait_exit(timeout)
  return function(c)
    local a = c._args
    return events_text(c, a[2]) .. ", " .. U.dec(U.s32(a[3])) .. ", " .. timeout(c)
  end
end
U.call("epoll_wait", U.printer(function(c) return U.arg(c, 1) .. ", " end,
  wait_exit(function(c) return U.dec(U.s32(c._args[4])) end)))
U.call("epoll_pwait", U.printer(function(c) return U.arg(c, 1) .. ", " end,
  wait_exit(function(c)
    local a = c._args
    return U.dec(U.s32(a[4])) .. ", " .. signal.sigset_text(c, a[5], a[6]) .. ", " .. U.udec(a[6])
  end)))
U.call("epoll_pwait2", U.printer(function(c) return U.arg(c, 1) .. ", " end,
  wait_exit(function(c)
    local a = c._args
    return U.pstruct(c, a[4], "timespec") .. ", " .. signal.sigset_text(c, a[5], a[6]) .. ", "
      .. U.udec(a[6])
  end)))

return { fdset_text = fdset_text }
