-- ttlua.fdname: what -y and -yy print behind a file descriptor.
--   -y    3</etc/passwd>, 4<socket:[12345]>, 5<pipe:[678]>, AT_FDCWD</home/u>
--   -yy   adds socket details and device numbers, as strace 6.1 does:
--         3<TCP:[127.0.0.1:40000->127.0.0.1:80]>, 4<UNIX-STREAM:[1234,"/run/x.sock"]>,
--         5</dev/null<char 1:3>>, 6<pid:1234> (a pidfd)
-- The text is the kernel's readlink of /proc/PID/fd/N, escaped like strace
-- escapes it (non-printable bytes, quotes, backslash, and < > as octal).
-- Nothing is cached: every print reads the link (about 3-4 us), so the
-- name is right even when the fd was closed and reused behind the log's
-- back (calls the seccomp filter does not stop on, exec, io_uring).
local ffi = require "ffi"
local bit = require "bit"
local quote = require "ttlua.quote"
local types = require "ttlua.types"

local format = string.format
local C = ffi.C

ffi.cdef [[
ssize_t readlink(const char *path, char *buf, size_t size);
ssize_t getxattr(const char *path, const char *name, void *value, size_t size);
struct ttl_fdstat {
  uint64_t st_dev, st_ino, st_nlink;
  uint32_t st_mode, st_uid, st_gid, pad0;
  uint64_t st_rdev;
  int64_t st_size, st_blksize, st_blocks;
  int64_t times[6];
  int64_t reserved[3];
};
int stat(const char *path, struct ttl_fdstat *buf);
const char *inet_ntop(int af, const void *src, char *dst, uint32_t size);
]]

local M = {}

-- What to decode: { path = true, socket = true, dev = true, pidfd = true }
M.what = {}

local linkbuf = ffi.new("char[4096]")

local function readlink(path)
  local n = C.readlink(path, linkbuf, 4096)
  if n <= 0 then return nil end
  return ffi.string(linkbuf, n)
end

-- strace's escaping inside <...>: as in a quoted string, without the
-- quotes, and with < and > as octal escapes.
local function escape(s)
  if not s:find('[%z\1-\31"\\<>\127-\255]') then return s end
  local q = quote.quote(s):sub(2, -2)
  return (q:gsub("([<>])([0-7]?)", function(c, d)
    return (d ~= "" and format("\\%03o", c:byte()) or format("\\%o", c:byte())) .. d
  end))
end
M.escape = escape

-- ---- -yy details ------------------------------------------------------------------

local st = ffi.new("struct ttl_fdstat")
local S_IFMT, S_IFCHR, S_IFBLK = 0xf000, 0x2000, 0x6000

local function devnum(rdev)
  local lo, hi = tonumber(bit.band(rdev, 0xffffffff)), tonumber(bit.rshift(rdev, 32))
  local major = bit.bor(bit.band(bit.rshift(lo, 8), 0xfff), bit.band(hi, bit.bnot(0xfff)))
  local minor = bit.bor(bit.band(lo, 0xff), bit.band(bit.rshift(lo, 12), bit.bnot(0xff)))
  return major % 4294967296, minor % 4294967296
end

-- "<char 1:3>" for a device, else nil.
local function dev_suffix(link_path)
  if C.stat(link_path, st) ~= 0 then return nil end
  local ft = bit.band(st.st_mode, S_IFMT)
  if ft ~= S_IFCHR and ft ~= S_IFBLK then return nil end
  local major, minor = devnum(st.st_rdev)
  return format("<%s %d:%d>", ft == S_IFCHR and "char" or "block", major, minor)
end

local function read_file(path)
  local f = io.open(path, "r")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

local xbuf = ffi.new("char[64]")
local function sockproto(link_path)
  local n = C.getxattr(link_path, "system.sockprotoname", xbuf, 63)
  if n <= 0 then return nil end
  local s = ffi.string(xbuf, n)
  return (s:gsub("%z.*$", ""))
end

local ntop = ffi.new("char[64]")
local addr4 = ffi.new("uint8_t[4]")
local addr6 = ffi.new("uint8_t[16]")

-- /proc/net/tcp prints addresses as host-order 32-bit words in hex.
local function parse_addr(hexaddr, v6)
  local buf, af, n = addr4, 2, 1
  if v6 then buf, af, n = addr6, 10, 4 end
  for w = 0, n - 1 do
    local word = tonumber(hexaddr:sub(w * 8 + 1, w * 8 + 8), 16)
    for b = 0, 3 do buf[w * 4 + b] = bit.band(bit.rshift(word, 8 * b), 0xff) end
  end
  local s = ffi.string(C.inet_ntop(af, buf, ntop, 64))
  return v6 and ("[" .. s .. "]") or s
end

local inet_files = {
  TCP = "tcp", UDP = "udp", UDPLITE = "udplite", TCPv6 = "tcp6", UDPv6 = "udp6",
  UDPLITEv6 = "udplite6",
}

local function inet_detail(pid, proto, inode)
  local text = read_file(format("/proc/%d/net/%s", pid, inet_files[proto]))
  if not text then return nil end
  local v6 = proto:find("v6$") ~= nil
  local pat = " (%x+):(%x+) (%x+):(%x+) %x+ %S+ %S+ %S+ +%d+ +%d+ +" .. inode .. " "
  for line in text:gmatch("[^\n]+") do
    local la, lp, ra, rp = line:match(pat)
    if la then
      lp, rp = tonumber(lp, 16), tonumber(rp, 16)
      local laddr = parse_addr(la, v6)
      if rp ~= 0 then
        return format("%s:%d->%s:%d", laddr, lp, parse_addr(ra, v6), rp)
      elseif lp ~= 0 then
        return format("%s:%d", laddr, lp)
      end
      return nil
    end
  end
  return nil
end

local unix_types = { [1] = "STREAM", [2] = "DGRAM", [5] = "SEQPACKET" }

-- UNIX sockets through sock_diag (NETLINK_SOCK_DIAG): type, bound path and
-- the peer's inode for one inode.  Returns type, path, peer, or nil.
ffi.cdef [[
int socket(int domain, int type, int protocol);
int close(int fd);
ssize_t send(int fd, const void *buf, size_t len, int flags);
ssize_t recv(int fd, void *buf, size_t len, int flags);
struct ttl_unix_diag_query {
  uint32_t nlmsg_len; uint16_t nlmsg_type, nlmsg_flags; uint32_t nlmsg_seq, nlmsg_pid;
  uint8_t sdiag_family, sdiag_protocol; uint16_t pad;
  uint32_t udiag_states, udiag_ino, udiag_show, udiag_cookie[2];
};
struct ttl_unix_diag_reply {
  uint32_t nlmsg_len; uint16_t nlmsg_type, nlmsg_flags; uint32_t nlmsg_seq, nlmsg_pid;
  uint8_t udiag_family, udiag_type, udiag_state, pad;
  uint32_t udiag_ino, udiag_cookie[2];
};
]]
local AF_NETLINK, SOCK_DGRAM, SOCK_CLOEXEC, NETLINK_SOCK_DIAG = 16, 2, 0x80000, 4
local SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, NLMSG_ERROR = 20, 1, 2
local UDIAG_SHOW_NAME, UDIAG_SHOW_PEER, UNIX_DIAG_NAME, UNIX_DIAG_PEER = 1, 4, 0, 2
local diag_fd
local query = ffi.new("struct ttl_unix_diag_query")
local reply = ffi.new("uint8_t[8192]")

local function unix_diag(inode)
  if diag_fd == nil then
    diag_fd = C.socket(AF_NETLINK, SOCK_DGRAM + SOCK_CLOEXEC, NETLINK_SOCK_DIAG)
    if diag_fd < 0 then diag_fd = false end
  end
  if not diag_fd then return nil end
  ffi.fill(query, ffi.sizeof(query))
  query.nlmsg_len = ffi.sizeof(query)
  query.nlmsg_type = SOCK_DIAG_BY_FAMILY
  query.nlmsg_flags = NLM_F_REQUEST
  query.sdiag_family = 1 -- AF_UNIX
  query.udiag_states = 0xffffffff
  query.udiag_ino = tonumber(inode)
  query.udiag_show = UDIAG_SHOW_NAME + UDIAG_SHOW_PEER
  query.udiag_cookie[0], query.udiag_cookie[1] = 0xffffffff, 0xffffffff
  if C.send(diag_fd, query, ffi.sizeof(query), 0) < 0 then return nil end
  local n = tonumber(C.recv(diag_fd, reply, 8192, 0))
  local hsize = ffi.sizeof("struct ttl_unix_diag_reply")
  if n < hsize then return nil end
  local r = ffi.cast("struct ttl_unix_diag_reply *", reply)
  if r.nlmsg_type == NLMSG_ERROR or r.nlmsg_type ~= SOCK_DIAG_BY_FAMILY
    or r.udiag_ino ~= tonumber(inode) then
    return nil
  end
  local path, peer
  local off, total = hsize, math.min(n, r.nlmsg_len)
  while off + 4 <= total do
    local hdr = ffi.cast("const uint16_t *", reply + off)
    local len, typ = hdr[0], hdr[1]
    if len < 4 or off + len > total then break end
    if typ == UNIX_DIAG_NAME then
      path = ffi.string(reply + off + 4, len - 4)
    elseif typ == UNIX_DIAG_PEER and len >= 8 then
      peer = ffi.cast("const uint32_t *", reply + off + 4)[0]
    end
    off = off + bit.band(len + 3, bit.bnot(3))
  end
  return unix_types[r.udiag_type], path, peer and peer ~= 0 and peer or nil
end

-- The same from /proc/PID/net/unix when netlink is not available (no peer).
local function unix_proc(pid, inode)
  local text = read_file(format("/proc/%d/net/unix", pid))
  if not text then return nil end
  for line in text:gmatch("[^\n]+") do
    local typ, ino, path = line:match("^%x+: %x+ %x+ %x+ (%x+) %x+ +(%d+) ?(.*)$")
    if ino == inode then
      return unix_types[tonumber(typ, 16)], path ~= "" and path or nil
    end
  end
  return nil
end

-- strace's form of a socket path: quoted; an abstract name as "@name".
local function unix_path(path)
  if path:sub(1, 1) == "\0" then return quote.quote("@" .. path:sub(2)) end
  return quote.quote((path:gsub("%z.*$", "")))
end

local function socket_text(pid, link_path, inode)
  local proto = sockproto(link_path)
  if not proto then return nil end
  if proto:match("^UNIX") then
    local typ, path, peer = unix_diag(inode)
    if not typ then typ, path = unix_proc(pid, inode) end
    local name = typ and ("UNIX-" .. typ) or proto
    local id = peer and format("%s->%d", inode, peer) or inode
    if path and path ~= "" then return format("%s:[%s,%s]", name, id, unix_path(path)) end
    return format("%s:[%s]", name, id)
  end
  if inet_files[proto] then
    local d = inet_detail(pid, proto, inode)
    if d then return format("%s:[%s]", proto, d) end
  end
  return format("%s:[%s]", proto, inode)
end

-- ---- the hooks types.lua calls -------------------------------------------------------

-- "3</path>" (or "3" when the fd is not open).
function M.fd_text(proc, fd)
  local pid = proc.pid
  local link_path = format("/proc/%d/fd/%d", pid, fd)
  local target = readlink(link_path)
  if not target then return format("%d", fd) end
  local w = M.what
  if w.socket then
    local inode = target:match("^socket:%[(%d+)%]$")
    if inode then
      local s = socket_text(pid, link_path, inode)
      if s then return format("%d<%s>", fd, s) end
    end
  end
  if w.pidfd and target == "anon_inode:[pidfd]" then
    local info = read_file(format("/proc/%d/fdinfo/%d", pid, fd))
    local p = info and info:match("\nPid:%s*(%-?%d+)")
    if p then return format("%d<pid:%s>", fd, p) end
  end
  if not w.path then return format("%d", fd) end
  local text = escape(target)
  if w.dev and target:sub(1, 1) == "/" then
    local d = dev_suffix(link_path)
    if d then text = text .. d end
  end
  return format("%d<%s>", fd, text)
end

function M.cwd_text(proc)
  local target = readlink(format("/proc/%d/cwd", proc.pid))
  if not target then return "AT_FDCWD" end
  return format("AT_FDCWD<%s>", escape(target))
end

-- Switch -y on with the given set (nil or empty: off).
function M.enable(what)
  M.what = what or {}
  local on = next(M.what) ~= nil
  types.opts.decode_fds = on or nil
  if on then
    types.fd_text = M.fd_text
    types.cwd_text = M.cwd_text
  end
end

-- The path behind fd, unescaped (for JSON), or nil.
function M.target(proc, fd)
  return readlink(format("/proc/%d/fd/%d", proc.pid, fd))
end

function M.cwd(proc)
  return readlink(format("/proc/%d/cwd", proc.pid))
end

return M
