-- no-network.lua: no network but the local host.  Every connect(2) to an
-- address that is not loopback fails with ENETUNREACH, as on a machine
-- with no route; loopback (127.0.0.0/8, ::1, ::ffff:127.x.x.x), the
-- unspecified address (0.0.0.0, ::, which Linux connects locally) and
-- non-IP sockets (AF_UNIX, netlink, ...) work as usual.
--
--   ttlua lua/examples/no-network.lua -- pip install foo      # fails fast
--   NO_NETWORK_ALLOW=10.0.0.0/8,192.168.1.5 ttlua lua/examples/no-network.lua -- ./app
--
-- Each refused connect is reported on stderr:
--   "no-network: refused connect to 192.0.2.1:80"
--
-- Configuration (environment variables):
--   NO_NETWORK_ERRNO=NAME   the error (default ENETUNREACH)
--   NO_NETWORK_ALLOW=LIST   more IPv4 addresses or prefixes (a.b.c.d/len)
--                           that may be reached, comma-separated
--   NO_NETWORK_QUIET=1      no reports
local inject = require "ttlua.inject"
local bit = require "bit"

local err = os.getenv("NO_NETWORK_ERRNO") or "ENETUNREACH"
local quiet = os.getenv("NO_NETWORK_QUIET") == "1"

local AF_INET, AF_INET6 = 2, 10

local function ipv4(bytes, at) -- a.b.c.d at byte offset at (1-based) -> number
  local a, b, c, d = bytes:byte(at, at + 3)
  return ((a * 256 + b) * 256 + c) * 256 + d
end

-- allowed IPv4 ranges: { base, mask } as unsigned 32-bit numbers
local allowed = { { 0x7f000000, 0xff000000 }, { 0, 0xffffffff } } -- 127/8, 0.0.0.0
for item in (os.getenv("NO_NETWORK_ALLOW") or ""):gmatch("[^,%s]+") do
  local a, b, c, d, len = item:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)/?(%d*)$")
  if not a then error("NO_NETWORK_ALLOW: " .. item .. " is not an IPv4 address or prefix", 0) end
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

-- Where a connect goes, as text, when it is not allowed; nil otherwise.
local function forbidden(call)
  local len = math.min(call.addrlen, 128)
  if len < 2 then return nil end
  local bytes = call.proc:read(call.args[2], len)
  if not bytes or #bytes < 2 then return nil end
  local family = bytes:byte(1) + 256 * bytes:byte(2)
  local port = #bytes >= 4 and bytes:byte(3) * 256 + bytes:byte(4) or 0
  if family == AF_INET and #bytes >= 8 then
    local addr = ipv4(bytes, 5)
    if v4_allowed(addr) then return nil end
    local a, b, c, d = bytes:byte(5, 8)
    return ("%d.%d.%d.%d:%d"):format(a, b, c, d, port)
  elseif family == AF_INET6 and #bytes >= 24 then
    local a = bytes:sub(9, 24)
    local zero10 = a:sub(1, 10) == string.rep("\0", 10)
    if a == string.rep("\0", 15) .. "\1" or a == string.rep("\0", 16) then return nil end
    if zero10 and a:sub(11, 12) == "\255\255" and v4_allowed(ipv4(a, 13)) then return nil end
    local groups = {}
    for i = 1, 16, 2 do groups[#groups + 1] = ("%x"):format(a:byte(i) * 256 + a:byte(i + 1)) end
    return ("[%s]:%d"):format(table.concat(groups, ":"), port)
  end
  return nil -- not an IP socket
end

local refused = {}
inject.rule {
  "connect", error = err,
  match = function(call)
    local where = forbidden(call)
    refused[call] = where
    return where ~= nil
  end,
}

return {
  connect = function(call)
    local where = refused[call]
    refused[call] = nil
    if where and not quiet then
      io.stderr:write(("no-network: refused connect to %s\n"):format(where))
    end
  end,
}
