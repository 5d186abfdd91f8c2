-- no-network.lua: no network but the local host.  Every connect(2), and
-- every sendto, sendmsg and sendmmsg with a destination address, to an
-- address that is not loopback fails with ENETUNREACH, as on a machine
-- with no route (sendmmsg sends the messages before the first refused one
-- and returns their count); loopback (127.0.0.0/8, ::1, ::ffff:127.x.x.x), the
-- unspecified address (0.0.0.0, ::, which Linux connects locally) and
-- non-IP sockets (AF_UNIX, netlink, ...) work as usual.  An IPv4-mapped
-- IPv6 address (::ffff:a.b.c.d) counts as the IPv4 address.
--
--   ttlua lua/examples/no-network.lua -- pip install foo      # fails fast
--   NO_NETWORK_ALLOW=10.0.0.0/8,192.168.1.5 ttlua lua/examples/no-network.lua -- ./app
--
-- Each refused connect is reported on stderr:
--   "no-network: refused connect to 192.0.2.1:80"
--   "no-network: refused sendto to [2001:db8:0:0:0:0:0:1]:53"
--
-- Configuration (environment variables):
--   NO_NETWORK_ERRNO=NAME   the error (default ENETUNREACH)
--   NO_NETWORK_ALLOW=LIST   more IPv4 addresses or prefixes (a.b.c.d/len)
--                           that may be reached, comma-separated
--   NO_NETWORK_QUIET=1      no reports
local inject = require "ttlua.inject"
local bit = require "bit"
local ffi = require "ffi"

local S = require("ttlua.settings").new("no-network")
S:env("NO_NETWORK_", { "ERRNO", "ALLOW", "QUIET" })
local err = S:errno("NO_NETWORK_ERRNO", os.getenv("NO_NETWORK_ERRNO") or "ENETUNREACH")
local quiet = S:flag("NO_NETWORK_QUIET", os.getenv("NO_NETWORK_QUIET"))

local AF_INET, AF_INET6 = 2, 10

local function ipv4(bytes, at) -- a.b.c.d at byte offset at (1-based) -> number
  local a, b, c, d = bytes:byte(at, at + 3)
  return ((a * 256 + b) * 256 + c) * 256 + d
end

-- allowed IPv4 ranges: { base, mask } as unsigned 32-bit numbers
local allowed = { { 0x7f000000, 0xff000000 }, { 0, 0xffffffff } } -- 127/8, 0.0.0.0
for item in (os.getenv("NO_NETWORK_ALLOW") or ""):gmatch("[^,%s]+") do
  local a, b, c, d, len = item:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)/?(%d*)$")
  if not a then S:fail("NO_NETWORK_ALLOW: %s is not an IPv4 address or prefix", item) end
  len = tonumber(len) or 32
  local mask = len == 0 and 0 or bit.lshift(0xffffffff, 32 - len) % 2 ^ 32
  local base = (((tonumber(a) * 256 + tonumber(b)) * 256 + tonumber(c)) * 256 + tonumber(d))
  allowed[#allowed + 1] = { bit.band(base, mask) % 2 ^ 32, mask }
end

local function v4_allowed(addr)
  for _, r in ipairs(allowed) do
    if bit.band(addr, r[2]) % 2 ^ 32 == r[1] then return true end
  end
  return false
end

-- Where a socket address goes, as text, when it is not allowed; nil
-- otherwise (allowed, not IP, unreadable: the kernel says EFAULT).
local function forbidden(proc, addr, addrlen)
  local len = math.min(addrlen, 128)
  if addr == 0 or len < 2 then return nil end
  local bytes = proc:read(addr, len)
  if not bytes or #bytes < 2 then return nil end
  local family = bytes:byte(1) + 256 * bytes:byte(2)
  local port = #bytes >= 4 and bytes:byte(3) * 256 + bytes:byte(4) or 0
  if family == AF_INET and #bytes >= 8 then
    if v4_allowed(ipv4(bytes, 5)) then return nil end
    local a, b, c, d = bytes:byte(5, 8)
    return ("%d.%d.%d.%d:%d"):format(a, b, c, d, port)
  elseif family == AF_INET6 and #bytes >= 24 then
    local a = bytes:sub(9, 24)
    if a == string.rep("\0", 15) .. "\1" or a == string.rep("\0", 16) then return nil end
    if a:sub(1, 12) == string.rep("\0", 10) .. "\255\255" then -- ::ffff:a.b.c.d is IPv4
      if v4_allowed(ipv4(a, 13)) then return nil end
      local w, x, y, z = a:byte(13, 16)
      return ("%d.%d.%d.%d:%d"):format(w, x, y, z, port)
    end
    local groups = {}
    for i = 1, 16, 2 do groups[#groups + 1] = ("%x"):format(a:byte(i) * 256 + a:byte(i + 1)) end
    return ("[%s]:%d"):format(table.concat(groups, ":"), port)
  end
  return nil -- not an IP socket
end

-- struct msghdr: msg_name at 0, msg_namelen (u32) at 8; an mmsghdr is 64
-- bytes (the msghdr, msg_len, padding).
local function msg_dest(proc, at)
  local b = proc:read(at, 12)
  if not b or #b < 12 then return nil end
  local p = ffi.cast("const uint64_t *", b)
  local namelen = ffi.cast("const uint32_t *", b)[2]
  return forbidden(proc, tonumber(p[0]), namelen)
end

-- The destination of each kind of call, when it is refused.
local where = {
  connect = function(call) return forbidden(call.proc, call.args[2], call.args[3]) end,
  sendto = function(call) return forbidden(call.proc, call.args[5], call.args[6]) end,
  sendmsg = function(call) return msg_dest(call.proc, call.args[2]) end,
  -- the first message decides; a later refused one is cut off below
  sendmmsg = function(call)
    if call.args[3] == 0 then return nil end
    return msg_dest(call.proc, call.args[2])
  end,
}

local refused = {}
inject.rule {
  "connect,sendto,sendmsg,sendmmsg", error = err,
  match = function(call)
    local dest = where[call.name](call)
    refused[call] = dest
    return dest ~= nil
  end,
}

local function report(call)
  local dest = refused[call]
  refused[call] = nil
  if dest and not quiet then
    io.stderr:write(("no-network: refused %s to %s\n"):format(call.name, dest))
  end
end

local P = { connect = report, sendto = report, sendmsg = report }

-- sendmmsg: messages up to the first refused one are sent (the kernel
-- stops at the first error and returns how many went), the rest not.
function P.sendmmsg(call)
  if refused[call] then return report(call) end
  local vlen = math.min(bit.band(call.args[3], 0xffffffff), 1024)
  for i = 1, vlen - 1 do
    local dest = msg_dest(call.proc, call.args[2] + 64 * i)
    if dest then
      if not quiet then
        io.stderr:write(("no-network: refused sendmmsg to %s (message %d of %d)\n"):format(dest, i + 1, vlen))
      end
      call.args[3] = i
      return
    end
  end
end

return P
