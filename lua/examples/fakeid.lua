-- fakeid.lua: a "container" of identity: host name, kernel, user and group
-- ids as the policy says, answered from Lua without the kernel.
--
--   ttlua --arg hostname=box --arg uid=0 lua/examples/fakeid.lua -- sh -c 'hostname; id -u; cat /etc/hostname'
--
-- Settings (--arg KEY=VALUE):
--   hostname=NAME   uname's nodename, gethostname(), /etc/hostname (default "ttlua")
--   domainname=NAME uname's domainname (default: the real one)
--   release=TEXT    uname's release (default: the real one)
--   uid=N, gid=N    what getuid/geteuid/getresuid and getgid/getegid/getresgid
--                   return, and getgroups' only group (default 0: root)
-- Answered: uname, sethostname (the new name is kept, in the policy),
-- getuid, geteuid, getgid, getegid, getresuid, getresgid, getgroups, and
-- opening /etc/hostname (a virtual file with the name).  The real
-- credentials do not change: file access is still checked by the kernel
-- with the real ones.
local ttlua = require "ttlua"
local vfd = require "ttlua.vfd"
local ffi = require "ffi"

local E = ttlua.errno
local args = ttlua.args

local S = require("ttlua.settings").new("fakeid")
S:args({ "hostname", "domainname", "release", "uid", "gid" })
local function id(key)
  return S:number(key, args[key] or "0", { integer = true, min = 0, max = 4294967294 })
end
for _, k in ipairs({ "hostname", "domainname", "release" }) do
  if args[k] and #args[k] > 64 then S:fail("%s is longer than 64 bytes", k) end
end
local uid, gid = id("uid"), id("gid")
local hostname = args.hostname or "ttlua"

-- The real uname, from ttlua itself.
pcall(ffi.cdef, [[
struct ttl_fakeid_utsname { char f[6][65]; };
int uname(struct ttl_fakeid_utsname *buf);
]])
local real = {}
do
  local u = ffi.new("struct ttl_fakeid_utsname")
  if ffi.C.uname(u) == 0 then
    local names = { "sysname", "nodename", "release", "version", "machine", "domainname" }
    for i, k in ipairs(names) do real[k] = ffi.string(u.f[i - 1]) end
  end
end

local P = {}

function P.uname(call)
  call.buf = {
    sysname = real.sysname or "Linux", nodename = hostname, release = args.release or real.release,
    version = real.version, machine = real.machine, domainname = args.domainname or real.domainname,
  }
  return 0
end

function P.sethostname(call)
  if call.len > 64 then return -E.EINVAL end
  local name = call.name_
  if not name then return -E.EFAULT end
  hostname = name
  return 0
end

function P.getuid() return uid end
P.geteuid = P.getuid
function P.getgid() return gid end
P.getegid = P.getgid

function P.getresuid(call)
  call.ruid, call.euid, call.suid = uid, uid, uid
  return 0
end
function P.getresgid(call)
  call.rgid, call.egid, call.sgid = gid, gid, gid
  return 0
end

function P.getgroups(call)
  if call.size == 0 then return 1 end
  if call.size < 1 then return -E.EINVAL end
  call.list = { gid }
  return 1
end

local Hostname = {}
Hostname.__index = Hostname
function Hostname:read(n, off) return (self.text):sub(off + 1, off + n) end
function Hostname:size() return #self.text end

function P.openat(call)
  if call.pathname == "/etc/hostname" then
    return vfd(setmetatable({ text = hostname .. "\n" }, Hostname), { path = "/etc/hostname" })
  end
end
P.open = P.openat

return P
