-- ttlua.decode.net: sockets.
--   sockaddr(LEN)        an input address of LEN bytes; value: the decoded
--                        table (sin_port, sin_addr.s_addr, sun_path, ...)
--   sockaddr_out(LENPTR) an address the kernel fills in, its length in and
--                        out through LENPTR; value: the decoded table
--   socklen_ptr          that length: [16] or, when it changed, [128 => 16];
--                        value: the int now there
--   msghdr_in/out, mmsghdr_in/out(N)  struct msghdr (mmsghdr arrays) with
--                        name, iovecs and control messages; value: the table
-- Whole-line printers for socket, socketpair, accept*, get{sock,peer}name,
-- sendto, recvfrom, sendmsg, recvmsg, sendmmsg, recvmmsg, setsockopt and
-- getsockopt (option values by level and name), pipe and pipe2.
local bit = require "bit"
local U = require "ttlua.decode.util"
local io_ = require "ttlua.decode.io"

local band = bit.band
local format, concat = string.format, table.concat

local AF_INET, AF_INET6, AF_NETLINK, AF_PACKET = 2, 10, 16, 17

-- ---- addresses -----------------------------------------------------------------------

local SOCKADDR_MAX = 128

local function sockaddr_read(c, addr, len)
  if addr == 0 or not len or len < 2 then return nil end
  if len > SOCKADDR_MAX then len = SOCKADDR_MAX end
  local b = U.readn(c, addr, len)
  if not b then return nil end
  return (U.structs().decode_sockaddr(b, len))
end

-- strace's decode_sockaddr: the address, or its pointer when shorter than
-- a family or unreadable
local function sockaddr_text(c, addr, len)
  if len == nil or len < 2 or addr == 0 then return U.ptr(addr) end
  local t = sockaddr_read(c, addr, len)
  if not t then return U.ptr(addr) end
  return U.sfmt("sockaddr", t) or U.ptr(addr)
end

local function param(c, arg)
  local i = c.spec.argi[arg.param]
  return i and c._args[i] or nil
end

U.type("sockaddr", {
  value = function(c, raw, arg) return sockaddr_read(c, raw, U.s32(param(c, arg) or 0)) end,
  format = function(c, raw, arg) return sockaddr_text(c, raw, U.s32(param(c, arg) or 0)) end,
  encode = function(c, v, arg)
    if type(v) ~= "table" then return v end
    local bytes = U.structs().encode_sockaddr(v)
    local i = c.spec.argi[arg.param]
    if i then c:_set_raw(i, #bytes) end
    return c.proc:alloc_bytes(bytes)
  end,
})

local function socklen(c, ptr)
  if ptr == 0 then return nil end
  return U.read_i32(c, ptr)
end

U.type("sockaddr_out", {
  out = true,
  value = function(c, raw, arg)
    if U.failed(c) then return nil end
    return sockaddr_read(c, raw, socklen(c, param(c, arg) or 0))
  end,
  format = function(c, raw, arg)
    if U.failed(c) then return U.ptr(raw) end
    local ulen = c._saved and c._saved[c.spec.argi[arg.param]]
    local rlen = socklen(c, param(c, arg) or 0)
    if not rlen then return U.ptr(raw) end
    return sockaddr_text(c, raw, (ulen and ulen < rlen) and ulen or rlen)
  end,
})

U.type("socklen_ptr", {
  both = true,
  save = function(c, raw) return socklen(c, raw) end,
  value = function(c, raw) return socklen(c, raw) end,
  format = function(c, raw, arg)
    if raw == 0 then return "NULL" end
    local now = socklen(c, raw)
    local before = c._saved and c._saved[arg.index]
    if c.result ~= nil and U.failed(c) then now = before end
    if now == nil then return U.ptr(raw) end
    if before and before ~= now then return format("[%d => %d]", before, now) end
    return format("[%d]", now)
  end,
})

-- ---- socket, socketpair, pipes ------------------------------------------------------------

local function protocol(domain, p)
  if domain == AF_INET or domain == AF_INET6 then
    return U.enum_x("inet_protocols", p, "IPPROTO_???")
  elseif domain == AF_NETLINK then
    return U.enum_x("netlink_protocols", p, "NETLINK_???")
  elseif domain == AF_PACKET then
    local v = U.u32(p)
    v = band(bit.bor(bit.rshift(v, 8), bit.lshift(v, 8)), 0xffff)
    return "htons(" .. U.enum_x("ethernet_protocols", v, "ETH_P_???") .. ")"
  end
  return U.udec(p)
end

local function socktype(v) return U.set("socket_type", U.u32(v)) end
local function family(v) return U.enum_x("address_family", U.u32(v), "AF_???") end

U.call("socket", U.at_entry(function(c)
  local d = U.u32(c._args[1])
  return family(d) .. ", " .. socktype(c._args[2]) .. ", " .. protocol(d, c._args[3])
end))

-- an array of two fds, as the kernel filled it
local function fd_pair(c, addr)
  if addr == 0 then return "NULL" end
  if U.failed(c) then return U.ptr(addr) end
  local b = U.readn(c, addr, 8)
  if not b then return U.ptr(addr) end
  return "[" .. U.get_i32(b, 0) .. ", " .. U.get_i32(b, 1) .. "]"
end
U.call("socketpair", U.printer(
  function(c)
    return family(c._args[1]) .. ", " .. socktype(c._args[2]) .. ", " .. U.udec(c._args[3]) .. ", "
  end,
  function(c) return fd_pair(c, c._args[4]) end))
U.call("pipe", U.printer(function() return "" end, function(c) return fd_pair(c, c._args[1]) end))
U.call("pipe2", U.printer(function() return "" end, function(c)
  return fd_pair(c, c._args[1]) .. ", " .. U.set("pipe_flags", U.u32(c._args[2]))
end))

-- ---- names: accept, accept4, getsockname, getpeername ---------------------------------------

local function sockname(flags_i)
  return {
    entry = function(c)
      local s = U.arg(c, 1) .. ", "
      local addr, lenp = c._args[2], c._args[3]
      local ulen = addr ~= 0 and lenp ~= 0 and socklen(c, lenp)
      c._ulen = ulen or nil
      if not ulen then
        s = s .. U.ptr(addr) .. ", " .. U.ptr(lenp)
        if flags_i then s = s .. ", " .. U.set("sock_type_flags", U.u32(c._args[flags_i])) end
      end
      return s
    end,
    exit = function(c)
      local ulen = c._ulen
      if not ulen then return "" end
      local addr, lenp = c._args[2], c._args[3]
      local rlen = not U.failed(c) and socklen(c, lenp)
      local s
      if not rlen then
        s = U.ptr(addr) .. ", [" .. ulen .. "]"
      else
        s = sockaddr_text(c, addr, ulen > rlen and rlen or ulen) .. ", ["
          .. (ulen ~= rlen and (ulen .. " => ") or "") .. rlen .. "]"
      end
      if flags_i then s = s .. ", " .. U.set("sock_type_flags", U.u32(c._args[flags_i])) end
      return s
    end,
  }
end
U.call("accept", sockname())
U.call("accept4", sockname(4))
U.call("getsockname", sockname())
U.call("getpeername", sockname())

U.call("bind", U.at_entry(function(c)
  local len = U.s32(c._args[3])
  return U.arg(c, 1) .. ", " .. sockaddr_text(c, c._args[2], len) .. ", " .. len
end))
U.call("connect", U.at_entry(function(c)
  local len = U.s32(c._args[3])
  return U.arg(c, 1) .. ", " .. sockaddr_text(c, c._args[2], len) .. ", " .. len
end))

local function msgflags(v) return U.set("msg_flags", U.u32(v)) end

U.call("sendto", U.at_entry(function(c)
  local len = U.s32(c._args[6])
  return U.arg(c, 1) .. ", " .. U.buf(c, c._args[2], c._args[3]) .. ", " .. U.udec(c._args[3])
    .. ", " .. msgflags(c._args[4]) .. ", " .. sockaddr_text(c, c._args[5], len) .. ", " .. len
end))

U.call("recvfrom", {
  entry = function(c)
    local addr, lenp = c._args[5], c._args[6]
    c._ulen = addr ~= 0 and lenp ~= 0 and socklen(c, lenp) or nil
    return U.arg(c, 1) .. ", "
  end,
  exit = function(c)
    local a = c._args
    local failed = U.failed(c)
    local s
    if failed then s = U.ptr(a[2])
    else
      local n = c.result
      if n > a[3] then n = a[3] end
      s = U.buf(c, a[2], n)
    end
    s = s .. ", " .. U.udec(a[3]) .. ", " .. msgflags(a[4]) .. ", "
    local ulen = c._ulen
    local rlen = a[5] ~= 0 and a[6] ~= 0 and socklen(c, a[6])
    if not rlen then return s .. U.ptr(a[5]) .. ", " .. U.ptr(a[6]) end
    if failed then return s .. U.ptr(a[5]) .. ", [" .. (ulen or rlen) .. "]" end
    ulen = ulen or rlen
    return s .. sockaddr_text(c, a[5], ulen > rlen and rlen or ulen) .. ", ["
      .. (ulen ~= rlen and (ulen .. " => ") or "") .. rlen .. "]"
  end,
})

U.call("shutdown", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.enum_x("shutdown_how", U.u32(c._args[2]), "SHUT_???")
end))
U.call("listen", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.dec(U.s32(c._args[2]))
end))

-- ---- msghdr -----------------------------------------------------------------------------------

local SOL_SOCKET, SCM_RIGHTS, SCM_CREDENTIALS, SCM_SECURITY = 1, 1, 2, 3
local CMSG_HDR = 16

local function cmsg_data_text(level, ctype, data)
  if level ~= SOL_SOCKET then return nil end
  if ctype == SCM_RIGHTS and #data >= 4 then
    local fds = {}
    for i = 0, math.floor(#data / 4) - 1 do fds[#fds + 1] = U.dec(U.get_i32(data, i)) end
    return "[" .. concat(fds, ", ") .. "]"
  elseif ctype == SCM_CREDENTIALS and #data >= 12 then
    return format("{pid=%d, uid=%d, gid=%d}", U.get_i32(data, 0), U.get_u32(data, 1), U.get_u32(data, 2))
  elseif ctype == SCM_SECURITY and #data > 0 then
    return U.quote.quote(data)
  end
  return nil
end

local OPTMEM_MAX = 8 * (2 * 1024 + 512)
local function control_text(c, addr, inlen)
  local len = inlen > OPTMEM_MAX and OPTMEM_MAX or inlen
  local b = len >= CMSG_HDR and U.readn(c, addr, len)
  if not b then return U.ptr(addr) end
  local parts, off, left = {}, 0, len
  while left >= CMSG_HDR do
    local clen = U.get_u64(b:sub(off + 1, off + 8))
    local level = U.get_i32(b, off / 4 + 2)
    local ctype = U.get_i32(b, off / 4 + 3)
    local n = clen > left and left or clen
    local s = "{cmsg_len=" .. U.udec(clen) .. ", cmsg_level="
      .. U.enum_x("socket_level", U.u32(level), "SOL_???") .. ", cmsg_type="
    if level == SOL_SOCKET then
      s = s .. U.enum_x("scm_types", U.u32(ctype), "SCM_???")
    elseif level == 0 then
      s = s .. U.enum_x("ip_cmsg_types", U.u32(ctype), "IP_???")
    else
      s = s .. U.x32(ctype)
    end
    local data = n > CMSG_HDR and b:sub(off + CMSG_HDR + 1, off + n) or ""
    local d = cmsg_data_text(level, ctype, data)
    if d then s = s .. ", cmsg_data=" .. d end
    parts[#parts + 1] = s .. "}"
    if n < CMSG_HDR then left = left - CMSG_HDR; break end
    local step = math.ceil(clen / 8) * 8
    if step >= left then left = 0; break end
    off = off + step
    left = left - step
  end
  if left > 0 then
    parts[#parts + 1] = "... /* " .. U.ptr(addr + (len - left)) .. " */"
  elseif len < inlen then
    parts[#parts + 1] = "..."
  end
  return "[" .. concat(parts, ", ") .. "]"
end

local function msghdr_read(c, addr)
  return U.struct(c, addr, "msghdr")
end

-- the text of a msghdr m (already read); user_namelen: what the caller
-- offered (recvmsg), data_size: bytes of data to show (nil: all)
local function msghdr_text(c, m, user_namelen, data_size)
  local namelen = m.msg_namelen
  if namelen >= 2147483648 then namelen = namelen - 4294967296 end
  local show = namelen
  if user_namelen and namelen > user_namelen then show = user_namelen end
  local s = "{msg_name=" .. sockaddr_text(c, m.msg_name, show) .. ", msg_namelen="
  if user_namelen and user_namelen ~= namelen then s = s .. user_namelen .. " => " end
  s = s .. namelen .. ", msg_iov=" .. io_.iov_text(c, m.msg_iov, m.msg_iovlen, data_size)
    .. ", msg_iovlen=" .. U.udec(m.msg_iovlen)
  if m.msg_controllen ~= 0 then
    s = s .. ", msg_control=" .. control_text(c, m.msg_control, m.msg_controllen)
  end
  return s .. ", msg_controllen=" .. U.udec(m.msg_controllen) .. ", msg_flags="
    .. msgflags(m.msg_flags) .. "}"
end

-- the table a handler sees: the msghdr fields, plus name (the decoded
-- address), iov (list of { base, len, data }, data up to data_size bytes
-- in all when given) and control (list of { cmsg_len, cmsg_level,
-- cmsg_type, cmsg_data })
local function msghdr_value(c, addr, data_size)
  local m = msghdr_read(c, addr)
  if not m then return nil end
  if m.msg_name ~= 0 then m.name = sockaddr_read(c, m.msg_name, m.msg_namelen) end
  m.iov = io_.iov_read(c, m.msg_iov, m.msg_iovlen)
  local left = data_size
  for _, v in ipairs(m.iov or {}) do
    local n = v.len
    if left then
      if n > left then n = left end
      left = left - n
    end
    v.data = U.read(c, v.base, n)
  end
  if m.msg_controllen > 0 and m.msg_control ~= 0 then
    local b = U.read(c, m.msg_control, math.min(m.msg_controllen, OPTMEM_MAX))
    if b then m.control = U.structs().decode_cmsgs(b, #b) end
  end
  return m
end

U.type("msghdr_in", {
  value = function(c, raw) return msghdr_value(c, raw) end,
  format = function(c, raw)
    local m = raw ~= 0 and msghdr_read(c, raw)
    if not m then return U.ptr(raw) end
    return msghdr_text(c, m, nil, nil)
  end,
})
U.type("msghdr_out", {
  out = true,
  value = function(c, raw)
    if U.failed(c) then return nil end
    return msghdr_value(c, raw, c.result)
  end,
  format = function(c, raw)
    local m = raw ~= 0 and not U.failed(c) and msghdr_read(c, raw)
    if not m then return U.ptr(raw) end
    return msghdr_text(c, m, nil, c.result)
  end,
})

U.call("sendmsg", U.at_entry(function(c)
  local m = c._args[2] ~= 0 and msghdr_read(c, c._args[2])
  return U.arg(c, 1) .. ", " .. (m and msghdr_text(c, m, nil, nil) or U.ptr(c._args[2])) .. ", "
    .. msgflags(c._args[3])
end))

U.call("recvmsg", {
  entry = function(c)
    local m = c._args[2] ~= 0 and msghdr_read(c, c._args[2])
    if m then
      local nl = m.msg_namelen
      c._namelen = nl >= 2147483648 and nl - 4294967296 or nl
      return U.arg(c, 1) .. ", "
    end
    c._namelen = false
    return U.arg(c, 1) .. ", " .. U.ptr(c._args[2])
  end,
  exit = function(c)
    local s
    if c._namelen == false then
      s = ""
    elseif U.failed(c) then
      s = "{msg_namelen=" .. c._namelen .. "}"
    else
      local m = msghdr_read(c, c._args[2])
      s = m and msghdr_text(c, m, c._namelen, c.result) or U.ptr(c._args[2])
    end
    return s .. ", " .. msgflags(c._args[3])
  end,
})

-- mmsghdr arrays: [{msg_hdr={...}, msg_len=N}, ...]
local MMSG = 64
local function mmsg_text(c, addr, vlen, count, datalimited)
  if addr == 0 then return "NULL" end
  if vlen == 0 then return "[]" end
  local max = U.types.opts.strsize
  local n = vlen > max and max or vlen
  if count and datalimited and count < n then n = count end
  local parts = {}
  for i = 0, n - 1 do
    local b = U.readn(c, addr + i * MMSG, MMSG)
    if not b then
      if i == 0 then return U.ptr(addr) end
      parts[#parts + 1] = "... /* " .. U.ptr(addr + i * MMSG) .. " */"
      break
    end
    local e = U.structs().decode("mmsghdr", b)
    local data = datalimited and e.msg_len or nil
    local s = "{msg_hdr=" .. msghdr_text(c, e.msg_hdr, nil, data)
    -- msg_len is there for the messages the call went through
    if count and i < count then s = s .. ", msg_len=" .. U.udec(e.msg_len) end
    parts[#parts + 1] = s .. "}"
  end
  if vlen > n and #parts == n then parts[#parts + 1] = "..." end
  return "[" .. concat(parts, ", ") .. "]"
end

U.type("mmsghdr_in", {
  value = function(c, raw, arg)
    local n = param(c, arg) or 0
    local out = {}
    for i = 0, math.min(n, 1024) - 1 do out[#out + 1] = msghdr_value(c, raw + i * MMSG) end
    return out
  end,
  format = function(c, raw, arg) return mmsg_text(c, raw, U.u32(param(c, arg) or 0), nil, false) end,
})
U.type("mmsghdr_out", {
  out = true,
  value = function(c, raw)
    if U.failed(c) then return nil end
    local out = {}
    for i = 0, math.min(c.result, 1024) - 1 do
      local b = U.readn(c, raw + i * MMSG, MMSG)
      if not b then break end
      local e = U.structs().decode("mmsghdr", b)
      out[#out + 1] = e
    end
    return out
  end,
  format = function(c, raw)
    if U.failed(c) then return U.ptr(raw) end
    return mmsg_text(c, raw, U.u32(c._args[3]), c.result, true)
  end,
})

U.call("sendmmsg", U.printer(
  function(c) return U.arg(c, 1) .. ", " end,
  function(c)
    local sent = U.failed(c) and 0 or c.result
    return mmsg_text(c, c._args[2], U.u32(c._args[3]), sent, false) .. ", "
      .. U.dec(U.u32(c._args[3])) .. ", " .. msgflags(c._args[4])
  end))

U.call("recvmmsg", {
  entry = function(c)
    c._ts = U.pstruct(c, c._args[5], "timespec")
    return U.arg(c, 1) .. ", "
  end,
  exit = function(c)
    local a = c._args
    local s
    if U.failed(c) then s = U.ptr(a[2])
    else s = mmsg_text(c, a[2], U.u32(a[3]), c.result, true) end
    return s .. ", " .. U.dec(U.u32(a[3])) .. ", " .. msgflags(a[4]) .. ", " .. (c._ts or "NULL")
  end,
})

-- ---- socket options --------------------------------------------------------------------------------

local SOL_IP, SOL_TCP, SOL_UDP, SOL_IPV6, SOL_RAW, SOL_PACKET, SOL_NETLINK =
      0, 6, 17, 41, 255, 263, 270
local LEVEL_SET = {
  [SOL_IP] = { "sockopt_ip", "sockopt_ip_get", "IP_???" },
  [SOL_SOCKET] = { "sockopt_name", "sockopt_name_get", "SO_???" },
  [SOL_IPV6] = { "sockopt_ipv6", "sockopt_ipv6_get", "IPV6_???" },
  [SOL_TCP] = { "sockopt_tcp", nil, "TCP_???" },
  [SOL_UDP] = { "sockopt_udp", nil, "UDP_???" },
  [SOL_RAW] = { "sockopt_raw", nil, "RAW_???" },
  [SOL_PACKET] = { "sockopt_packet", nil, "PACKET_???" },
  [SOL_NETLINK] = { "sockopt_netlink", nil, "NETLINK_???" },
}

local function optname(level, name, get)
  local ls = LEVEL_SET[level]
  if not ls then return U.dec(name) end
  local n = U.name(ls[1], name)
  if not n and get and ls[2] then n = U.name(ls[2], name) end
  if n then return n end
  return U.x(name) .. " /* " .. ls[3] .. " */"
end

local function level_name(level) return U.enum_x("socket_level", level, "SOL_??") end

-- SOL_SOCKET options whose value is an int
local SO_INT = {}
for _, v in ipairs({ 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 27, 29, 30, 32, 33,
    34, 35, 36, 40, 41, 42, 43, 44, 46, 47, 49, 53, 56, 60, 63, 64, 65, 68, 69, 73, 75 }) do
  SO_INT[v] = true
end
local SO_LINGER, SO_PEERCRED, SO_ERROR = 13, 17, 4

local function int_at(c, addr)
  local v = U.read_i32(c, addr)
  return v and ("[" .. v .. "]") or U.ptr(addr)
end

local function getopt_text(c, level, name, addr, ulen, rlen)
  if ulen <= 0 or rlen <= 0 then return U.ptr(addr) end
  if addr ~= 0 then
    if level == SOL_SOCKET then
      if name == SO_LINGER then
        local b = U.read(c, addr, rlen < 8 and rlen or 8)
        if not b then return U.ptr(addr) end
        local p = { "l_onoff=" .. (#b >= 4 and U.get_i32(b, 0) or "") }
        if #b >= 8 then p[2] = "l_linger=" .. U.get_i32(b, 1) end
        return "{" .. concat(p, ", ") .. "}"
      elseif name == SO_PEERCRED then
        local b = U.read(c, addr, rlen < 12 and rlen or 12)
        if not b then return U.ptr(addr) end
        local p = {}
        if #b >= 4 then p[#p + 1] = "pid=" .. U.get_i32(b, 0) end
        if #b >= 8 then p[#p + 1] = "uid=" .. U.get_u32(b, 1) end
        if #b >= 12 then p[#p + 1] = "gid=" .. U.get_u32(b, 2) end
        return "{" .. concat(p, ", ") .. "}"
      elseif name == SO_ERROR then
        if rlen < 4 then return U.buf(c, addr, rlen, true) end
        local v = U.read_u32(c, addr)
        if not v then return U.ptr(addr) end
        local ok, E = pcall(require, "ttlua.errno")
        local en = ok and E.name and E.name[v]
        return "[" .. (en or U.dec(v)) .. "]"
      elseif SO_INT[name] then
        if rlen >= 4 then return int_at(c, addr) end
        return U.buf(c, addr, rlen, true)
      end
    elseif level == SOL_NETLINK then
      return int_at(c, addr)
    end
  end
  if rlen == 4 then return int_at(c, addr) end
  return U.buf(c, addr, rlen)
end

local function setopt_text(c, level, name, addr, len)
  if addr ~= 0 then
    if level == SOL_SOCKET then
      if name == SO_LINGER then
        if len < 8 then return U.ptr(addr) end
        local b = U.readn(c, addr, 8)
        if not b then return U.ptr(addr) end
        return "{l_onoff=" .. U.get_i32(b, 0) .. ", l_linger=" .. U.get_i32(b, 1) .. "}"
      elseif SO_INT[name] then
        if len < 4 then return U.ptr(addr) end
        return int_at(c, addr)
      end
    elseif level == SOL_IP and (name == 35 or name == 36) then -- IP_{ADD,DROP}_MEMBERSHIP
      if len < 8 then return U.ptr(addr) end
      local b = U.readn(c, addr, 8)
      if not b then return U.ptr(addr) end
      local m = U.structs().decode("ip_mreq", b)
      return U.sfmt("ip_mreq", m) or U.ptr(addr)
    elseif level == SOL_NETLINK then
      if len < 4 then return U.ptr(addr) end
      return int_at(c, addr)
    end
  end
  if len == 4 then return int_at(c, addr) end
  -- a negative length is a huge unsigned one: -s bytes and "..."
  return U.buf(c, addr, len < 0 and len + 2 ^ 64 or len)
end

U.call("setsockopt", U.at_entry(function(c)
  local a = c._args
  local level, name, len = U.u32(a[2]), U.u32(a[3]), U.s32(a[5])
  return U.arg(c, 1) .. ", " .. level_name(level) .. ", " .. optname(level, name, false) .. ", "
    .. setopt_text(c, level, name, a[4], len) .. ", " .. len
end))

U.call("getsockopt", {
  entry = function(c)
    local a = c._args
    local level, name = U.u32(a[2]), U.u32(a[3])
    local s = U.arg(c, 1) .. ", " .. level_name(level) .. ", " .. optname(level, name, true) .. ", "
    c._ulen = a[5] ~= 0 and socklen(c, a[5]) or nil
    if not c._ulen then return s .. U.ptr(a[4]) .. ", " .. U.ptr(a[5]) end
    return s
  end,
  exit = function(c)
    local ulen = c._ulen
    if not ulen then return "" end
    local a = c._args
    local rlen = not U.failed(c) and socklen(c, a[5])
    if not rlen then return U.ptr(a[4]) .. ", [" .. ulen .. "]" end
    return getopt_text(c, U.u32(a[2]), U.u32(a[3]), a[4], ulen, rlen) .. ", ["
      .. (ulen ~= rlen and (ulen .. " => ") or "") .. rlen .. "]"
  end,
})

return { sockaddr_text = sockaddr_text, msghdr_text = msghdr_text }
