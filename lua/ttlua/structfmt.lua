-- ttlua.structfmt: strace-style text for the structs decoded by ttlua.structs.
--
--   structfmt.format(name, tbl, opts) -> string
--
-- `tbl` is what structs.decode returned (or a hand-made table with the same
-- field names), or a Lua array of them, printed as strace prints arrays:
-- [{...}, {...}]. Output follows strace 6.1's default (non-verbose) style;
-- opts.verbose = true gives strace -v output where strace has one.
-- Other opts (all optional):
--   maxstr    string size limit (strace -s, default 32)
--   exiting   the syscall-exit view where strace prints differently
--             (pollfd revents, flock l_pid, ...)
--   len       byte length behind the struct (sockaddr addrlen, sched_attr,
--             clone_args size, perf_event_attr size)
--   addr      tracee address, for forms that print it (dirents, fd_set)
--   nfds      fd_set: number of descriptors to look at
--   comment   timespec/timeval: append the date comment, as utimensat does
--   utime     timespec: print UTIME_NOW/UTIME_OMIT as names
--   ifname    function(index) -> interface name or nil (default: if_indextoname)
--   syscall_name  function(nr) -> name, for siginfo of SIGSYS
--   xlat      a module with format(setname, value) to use instead of ttlua.xlat
-- Pointer fields of a table may be replaced by the caller with what they
-- point to, and are then printed as such: iovec.iov_base (a string),
-- msghdr.msg_name (a decoded sockaddr), msghdr.msg_iov (a list of iovec
-- tables), msghdr.msg_control (a list of cmsghdr tables with cmsg_data
-- strings); otherwise the address is printed.
--
-- Flag and enum names come from ttlua.xlat (format(setname, value)); the
-- set names used are all listed in SET below. Without a set, numbers are
-- printed (hex for flags, decimal for enums).
local ffi = require "ffi"
local bit = require "bit"

local M = {}

local format, concat, floor = string.format, table.concat, math.floor
local band, rshift = bit.band, bit.rshift
local type, tostring, ipairs, pcall = type, tostring, ipairs, pcall

---------------------------------------------------------------------------
-- xlat sets used here, by role -> set name in ttlua.xlat.
---------------------------------------------------------------------------
local SET = {
  mode_type = "mode_type", signals = "signals", address_family = "address_family",
  poll_events = "poll_events", epoll_events = "epoll_events", sa_flags = "sa_flags",
  statx_mask = "statx_mask", statx_attrs = "statx_attrs", open_flags = "open_flags",
  resolve_flags = "resolve_flags", clone_flags = "clone_flags",
  si_codes = "siginfo_codes", sigchld_codes = "sigchld_codes",
  sigsegv_codes = "sigsegv_codes", sigbus_codes = "sigbus_codes",
  sigill_codes = "sigill_codes", sigfpe_codes = "sigfpe_codes",
  sigtrap_codes = "sigtrap_codes", sigpoll_codes = "sigpoll_codes",
  sigsys_codes = "sigsys_codes", sigprof_codes = "sigprof_codes",
  errno = "errno", audit_arch = "audit_arch", perf_type = "perf_type_id",
  sigtrap_perf_flags = "sigtrap_perf_flags",
  msg_flags = "msg_flags", socket_level = "socket_level", scm_type = "scm_types",
  ethernet_protocols = "ethernet_protocols", arp_hardware = "arp_hardware_types",
  packet_types = "af_packet_types", dirent_types = "dirent_types",
  ss_flags = "sigaltstack_flags", timex_modes = "adjtimex_modes",
  timex_status = "adjtimex_status", fsmagic = "fsmagic", statfs_flags = "statfs_flags",
  mq_flags = "mq_flags", semop_flags = "semop_flags", flock_type = "lock_type",
  whence = "lseek_whence", f_owner_type = "f_owner_types", cap_version = "cap_version",
  capabilities = "cap", mount_attr = "mount_attr_flags",
  mount_propagation = "mount_propagation", sched_policy = "sched_policy",
  sched_flags = "sched_flags", landlock_fs = "landlock_access_fs",
  landlock_net = "landlock_access_net", landlock_scoped = "landlock_scoped",
  uring_setup_flags = "io_uring_setup_flags", uring_features = "io_uring_features",
  perf_sw_ids = "perf_sw_ids", perf_hw_ids = "perf_hw_ids",
  perf_sample_format = "perf_sample_format", perf_read_format = "perf_read_format",
  perf_attr_size = "perf_attr_size", futex2_flags = "futex2_flags",
  term_iflags = "termios_iflag", term_oflags = "termios_oflag",
  term_lflags = "termios_lflag", term_cflags = "termios_cflag",
  term_csize = "termios_csize", term_baud = "termios_baud",
  term_nldly = "termios_oflag_nldly", term_crdly = "termios_oflag_crdly",
  term_tabdly = "termios_oflag_tabdly", term_bsdly = "termios_oflag_bsdly",
  term_vtdly = "termios_oflag_vtdly", term_ffdly = "termios_oflag_ffdly",
  term_line = "termios_line", term_cc = "termios_cc",
  rseq_flags = "rseq_flags",
}
M.SET = SET

---------------------------------------------------------------------------
-- Number and string helpers
---------------------------------------------------------------------------
local TWO63, TWO64 = 2 ^ 63, 2 ^ 64

local function d(v)                       -- decimal integer
  if v >= -TWO63 and v < TWO63 then return format("%d", v) end
  if v == TWO64 then return "18446744073709551615" end   -- an all-ones u64
  return format("%.0f", v)
end
M.d = d

local function x(v)                       -- "%#llx": 0 stays "0"
  if v == 0 then return "0" end
  if v > 0 and v < TWO63 then return format("%#x", v) end
  if v < 0 then v = v + TWO64 end
  if v >= TWO64 then return "0xffffffffffffffff" end
  local hi = floor(v / 4294967296)
  return format("0x%x%08x", hi, v - hi * 4294967296)
end
M.x = x

local function addr(v)
  if v == 0 then return "NULL" end
  return x(v)
end
M.addr = addr

local function u32(v) if v < 0 then return v + 4294967296 end return v end

-- Exact text of 64-bit field k of t: structs.decode keeps values that a
-- Lua number cannot hold exactly in t._exact[k] (int64_t/uint64_t cdata).
local function du(t, k)
  local e = t._exact
  local c = e and e[k]
  if c then return (tostring(c):gsub("U?LL$", "")) end
  return d(t[k])
end
local function xu(t, k)
  local e = t._exact
  local c = e and e[k]
  if c then
    if c == 0 then return "0" end
    return format("%#x", c)
  end
  return x(t[k])
end
M.du, M.xu = du, xu

-- strace's string_quote (octal escapes, shortest unambiguous form)
local ESC = { [9] = "\\t", [10] = "\\n", [11] = "\\v", [12] = "\\f", [13] = "\\r",
              [34] = '\\"', [92] = "\\\\" }
local function quote(s, n, hex)
  n = n or #s
  if n > #s then n = #s end
  if not hex and not s:find('[%z\1-\31"\\\127-\255]') then
    return '"' .. (n < #s and s:sub(1, n) or s) .. '"'
  end
  local out = { '"' }
  for i = 1, n do
    local c = s:byte(i)
    if hex then
      out[#out + 1] = format("\\x%02x", c)
    elseif ESC[c] then
      out[#out + 1] = ESC[c]
    elseif c >= 32 and c < 127 then
      out[#out + 1] = string.char(c)
    else
      local nx = s:byte(i + 1)
      if i < n and nx and nx >= 48 and nx <= 55 then
        out[#out + 1] = format("\\%03o", c)
      else
        out[#out + 1] = format("\\%o", c)
      end
    end
  end
  out[#out + 1] = '"'
  return concat(out)
end
M.quote = quote

local function quote_max(s, max)
  if #s > max then return quote(s, max) .. "..." end
  return quote(s)
end

-- "%FT%T[.nnnnnnnnn]%z" in local time, as strace's sprinttime_nsec
local function timestr(sec, nsec, width)
  if (sec == 0 and (nsec or 0) == 0) or sec ~= sec then return nil end
  local ok, s = pcall(os.date, "%Y-%m-%dT%H:%M:%S", sec)
  if not ok or not s then return nil end
  if nsec and nsec > 0 then s = s .. format(".%0" .. (width or 9) .. "d", nsec) end
  return s .. os.date("%z", sec)
end
M.timestr = timestr

local function tcomment(sec, nsec, width)
  local s = timestr(sec, nsec, width)
  return s and (" /* " .. s .. " */") or ""
end

---------------------------------------------------------------------------
-- xlat access
---------------------------------------------------------------------------
local xlat_mod            -- nil: not looked up yet; false: not available
local missing = {}        -- set names the xlat module does not know

local function xlat_module(o)
  if o and o.xlat then return o.xlat end
  if xlat_mod == nil then
    local ok, m = pcall(require, "ttlua.xlat")
    xlat_mod = ok and type(m) == "table" and m or false
  end
  return xlat_mod
end

--- Use `m` (a table with format(set, value)) as the xlat module; nil resets.
function M.set_xlat(m)
  xlat_mod = m
  missing = {}
end

-- Name of `v` in set `role`, or the fallback number (hex for flags, "d").
local function xf(o, role, v, fallback)
  local X = xlat_module(o)
  local set = SET[role] or role
  if X and not missing[set] then
    local ok, s = pcall(X.format, set, v)
    if ok and type(s) == "string" then return s end
    if not ok then missing[set] = true end
  end
  if fallback == "d" then return d(v) end
  return x(v)
end
M.xf = xf

-- Like xf but returns nil when the set has no name for v (for callers
-- that compose several sets). A reply that is only a number counts as none.
local function xname(o, role, v)
  local X = xlat_module(o)
  local set = SET[role] or role
  if not X or missing[set] then return nil end
  if X.name then                      -- enum look-up without number fallback
    local ok, s = pcall(X.name, set, v)
    if ok and type(s) == "string" then return s end
  end
  local ok, s = pcall(X.format, set, v)
  if not ok then missing[set] = true; return nil end
  if type(s) ~= "string" or s:match("^%-?%d") then return nil end
  return s
end

local function signame(o, sig)
  if sig == 32 then return "SIGRTMIN" end
  if sig > 32 and sig <= 64 then return "SIGRT_" .. (sig - 32) end
  local s = xname(o, "signals", sig)
  return s or d(sig)
end
M.signame = signame

-- printsignal: a name, or the number
local function psig(o, sig)
  if sig > 0 and sig <= 64 then return signame(o, sig) end
  return d(sig)
end

---------------------------------------------------------------------------
-- Pieces shared by several structs
---------------------------------------------------------------------------
local S_IFMT, S_ISUID, S_ISGID, S_ISVTX = 0xf000, 0x800, 0x400, 0x200

local function mode_str(o, mode)
  local ifmt = ""
  local t = band(mode, S_IFMT)
  if t ~= 0 then
    ifmt = xname(o, "mode_type", t)
    if not ifmt then return format("%#03o", mode) end
  end
  return ifmt .. (ifmt ~= "" and "|" or "")
    .. (band(mode, S_ISUID) ~= 0 and "S_ISUID|" or "")
    .. (band(mode, S_ISGID) ~= 0 and "S_ISGID|" or "")
    .. (band(mode, S_ISVTX) ~= 0 and "S_ISVTX|" or "")
    .. format("%#03o", band(mode, 0x1ff))
end
M.mode = mode_str

local function dev_str(dev)
  local lo, hi
  if type(dev) == "cdata" then
    local u = ffi.cast("uint64_t", dev)
    lo, hi = tonumber(u % 4294967296ULL), tonumber(u / 4294967296ULL)
  else
    lo, hi = dev % 4294967296, floor(dev / 4294967296)
  end
  local major = bit.bor(band(rshift(lo, 8), 0xfff), band(hi, bit.bnot(0xfff)))
  local minor = bit.bor(band(lo, 0xff), band(rshift(lo, 12), bit.bnot(0xff)))
  return "makedev(" .. x(u32(major)) .. ", " .. x(u32(minor)) .. ")"
end
M.dev = dev_str

-- clock_t ticks (USER_HZ = 100 on x86_64) with strace's seconds comment
local function clock_t(v)
  if v <= 0 then return d(v) end
  return d(v) .. format(" /* %d.%02d s */", floor(v / 100), v % 100)
end

local function ts(t) return "{tv_sec=" .. d(t.tv_sec) .. ", tv_nsec=" .. d(t.tv_nsec) .. "}" end
local function tv(t) return "{tv_sec=" .. d(t.tv_sec) .. ", tv_usec=" .. d(t.tv_usec) .. "}" end

local UTIME_NOW, UTIME_OMIT = 1073741823, 1073741822

-- the signals in a kernel sigset given as 32-bit words
local function sigset_str(o, words)
  local w1, w2 = words[1] or 0, words[2] or 0
  local pop = 0
  for _, w in ipairs({ w1, w2 }) do
    local v = w
    while v ~= 0 do
      if v % 2 == 1 then pop = pop + 1 end
      v = floor(v / 2)
    end
  end
  local inv = pop >= 42          -- 2/3 of 64 bits set: print the complement
  local out = {}
  for i = 1, 64 do
    local w = i <= 32 and w1 or w2
    local b = (i - 1) % 32
    local set = floor(w / 2 ^ b) % 2 == 1
    if set ~= inv then
      local name
      if i == 32 then name = "RTMIN"
      elseif i > 32 then name = "RT_" .. (i - 32)
      else
        name = xname(o, "signals", i)
        name = name and name:gsub("^SIG", "") or tostring(i)
      end
      out[#out + 1] = name
    end
  end
  return (inv and "~[" or "[") .. concat(out, " ") .. "]"
end

local function sockaddr_str(o, t)
  return M.format("sockaddr", t, o)
end

local function ipv4(v)
  return format("%d.%d.%d.%d", floor(v / 16777216) % 256, floor(v / 65536) % 256,
                floor(v / 256) % 256, v % 256)
end

local function ipv6(b)
  if type(b) ~= "string" or #b < 16 then return nil end
  local w = {}
  for i = 0, 7 do w[i + 1] = b:byte(2 * i + 1) * 256 + b:byte(2 * i + 2) end
  -- the first longest run of zero words (two or more) becomes "::"
  local bs, bl, cs, cl = -1, 0, -1, 0
  for i = 1, 8 do
    if w[i] == 0 then
      if cs < 0 then cs, cl = i, 1 else cl = cl + 1 end
      if cl > bl then bs, bl = cs, cl end
    else
      cs, cl = -1, 0
    end
  end
  -- IPv4-compatible and -mapped forms, as glibc's inet_ntop prints them
  if bs == 1 and (bl == 6 or (bl == 5 and w[6] == 0xffff)) then
    return (bl == 5 and "::ffff:" or "::")
      .. format("%d.%d.%d.%d", b:byte(13), b:byte(14), b:byte(15), b:byte(16))
  end
  local hx = {}
  for i = 1, 8 do hx[i] = format("%x", w[i]) end
  if bl < 2 then return concat(hx, ":") end
  return concat(hx, ":", 1, bs - 1) .. "::" .. concat(hx, ":", bs + bl, 8)
end
M.ipv6 = ipv6

local if_indextoname_ok
local function ifname_default(idx)
  if if_indextoname_ok == nil then
    if_indextoname_ok = pcall(ffi.cdef, "char *if_indextoname(unsigned int, char *);")
      or pcall(function() return ffi.C.if_indextoname end)
  end
  if not if_indextoname_ok or idx <= 0 then return nil end
  local buf = ffi.new("char[16]")
  local ok, r = pcall(ffi.C.if_indextoname, idx, buf)
  if not ok or r == nil then return nil end
  return ffi.string(buf)
end

local function ifindex_str(o, idx)
  local f = (o and o.ifname) or ifname_default
  local name = idx > 0 and f(idx)
  if name then return 'if_nametoindex("' .. name .. '")' end
  return d(idx)
end

---------------------------------------------------------------------------
-- The printers, one per struct. Each takes (t, o) and returns the text.
---------------------------------------------------------------------------
local F = {}
M.printers = F
local EMPTY_T = {}

-- syscall name for siginfo of SIGSYS, from ttlua.syscalls when it is there
local AUDIT_ARCH_X86_64, AUDIT_ARCH_I386 = 0xc000003e, 0x40000003
local syscalls_mod
local function syscall_name(nr, arch)
  if syscalls_mod == nil then
    local ok, m = pcall(require, "ttlua.syscalls")
    syscalls_mod = ok and type(m) == "table" and m.arch and m or false
  end
  if not syscalls_mod then return nil end
  local an = arch == AUDIT_ARCH_I386 and "i386"
    or (arch == AUDIT_ARCH_X86_64 and (nr >= 0x40000000 and "x32" or "x86_64"))
  if not an then return nil end
  local ok, tbl = pcall(syscalls_mod.arch, an)
  local spec = ok and tbl and tbl.by_nr[nr]
  return spec and spec.name or nil
end

F.timespec = function(t, o)
  if o.utime then
    if t.tv_nsec == UTIME_NOW then return "UTIME_NOW" end
    if t.tv_nsec == UTIME_OMIT then return "UTIME_OMIT" end
  end
  local s = ts(t)
  if o.comment then s = s .. tcomment(t.tv_sec, t.tv_nsec) end
  return s
end
F.kernel_timespec = F.timespec
F.timeval = function(t, o)
  local s = tv(t)
  if o.comment then s = s .. tcomment(t.tv_sec, t.tv_usec, 6) end
  return s
end
F.itimerspec = function(t)
  return "{it_interval=" .. ts(t.it_interval) .. ", it_value=" .. ts(t.it_value) .. "}"
end
F.itimerval = function(t)
  return "{it_interval=" .. tv(t.it_interval) .. ", it_value=" .. tv(t.it_value) .. "}"
end
F.timezone = function(t)
  return "{tz_minuteswest=" .. d(t.tz_minuteswest) .. ", tz_dsttime=" .. d(t.tz_dsttime) .. "}"
end
F.timex = function(t, o)
  return concat({
    "{modes=", xf(o, "timex_modes", t.modes), ", offset=", d(t.offset),
    ", freq=", d(t.freq), ", maxerror=", d(t.maxerror), ", esterror=", d(t.esterror),
    ", status=", xf(o, "timex_status", t.status), ", constant=", d(t.constant),
    ", precision=", d(t.precision), ", tolerance=", d(t.tolerance),
    ", time=", tv(t.time), ", tick=", d(t.tick), ", ppsfreq=", d(t.ppsfreq),
    ", jitter=", d(t.jitter), ", shift=", d(t.shift), ", stabil=", d(t.stabil),
    ", jitcnt=", d(t.jitcnt), ", calcnt=", d(t.calcnt), ", errcnt=", d(t.errcnt),
    ", stbcnt=", d(t.stbcnt), ", tai=", d(t.tai), "}" })
end
F.tms = function(t)
  return "{tms_utime=" .. clock_t(t.tms_utime) .. ", tms_stime=" .. clock_t(t.tms_stime)
    .. ", tms_cutime=" .. clock_t(t.tms_cutime) .. ", tms_cstime=" .. clock_t(t.tms_cstime) .. "}"
end
F.utimbuf = function(t)
  return "{actime=" .. d(t.actime) .. tcomment(t.actime) .. ", modtime=" .. d(t.modtime)
    .. tcomment(t.modtime) .. "}"
end

F.stat = function(t, o)
  local p = { "{" }
  if o.verbose then
    p[#p + 1] = "st_dev=" .. dev_str((t._exact and t._exact.st_dev or t.st_dev)) .. ", st_ino=" .. du(t, "st_ino")
      .. ", st_mode=" .. mode_str(o, t.st_mode) .. ", st_nlink=" .. d(t.st_nlink)
      .. ", st_uid=" .. d(t.st_uid) .. ", st_gid=" .. d(t.st_gid)
      .. ", st_blksize=" .. d(t.st_blksize) .. ", st_blocks=" .. du(t, "st_blocks") .. ", "
  else
    p[#p + 1] = "st_mode=" .. mode_str(o, t.st_mode) .. ", "
  end
  local ft = band(t.st_mode, S_IFMT)
  if ft == 0x2000 or ft == 0x6000 then
    p[#p + 1] = "st_rdev=" .. dev_str((t._exact and t._exact.st_rdev or t.st_rdev))
  else
    p[#p + 1] = "st_size=" .. du(t, "st_size")
  end
  if o.verbose then
    for _, w in ipairs({ "atime", "mtime", "ctime" }) do
      local sec, nsec = t["st_" .. w], t["st_" .. w .. "_nsec"]
      p[#p + 1] = ", st_" .. w .. "=" .. d(sec) .. tcomment(sec, nsec)
        .. ", st_" .. w .. "_nsec=" .. d(nsec)
    end
    p[#p + 1] = "}"
  else
    p[#p + 1] = ", ...}"
  end
  return concat(p)
end

local STATX = { TYPE = 1, MODE = 2, NLINK = 4, UID = 8, GID = 0x10, ATIME = 0x20,
                MTIME = 0x40, CTIME = 0x80, INO = 0x100, SIZE = 0x200, BLOCKS = 0x400,
                BTIME = 0x800, MNT_ID = 0x1000, DIOALIGN = 0x2000 }
F.statx_timestamp = function(t, o)
  local s = "{tv_sec=" .. d(t.tv_sec) .. ", tv_nsec=" .. d(t.tv_nsec) .. "}"
  if o.verbose or o.comment then s = s .. tcomment(t.tv_sec, t.tv_nsec) end
  return s
end
F.statx = function(t, o)
  local m = t.stx_mask
  local function has(b) return band(m, b) ~= 0 end
  local v = o.verbose
  local p = { "{stx_mask=" .. xf(o, "statx_mask", m) }
  if v then p[#p + 1] = "stx_blksize=" .. d(t.stx_blksize) end
  p[#p + 1] = "stx_attributes=" .. xf(o, "statx_attrs", t.stx_attributes)
  if v then
    if has(STATX.NLINK) then p[#p + 1] = "stx_nlink=" .. d(t.stx_nlink) end
    if has(STATX.UID) then p[#p + 1] = "stx_uid=" .. (t.stx_uid == 4294967295 and "-1" or d(t.stx_uid)) end
    if has(STATX.GID) then p[#p + 1] = "stx_gid=" .. (t.stx_gid == 4294967295 and "-1" or d(t.stx_gid)) end
  end
  if has(STATX.TYPE + STATX.MODE) then p[#p + 1] = "stx_mode=" .. mode_str(o, t.stx_mode) end
  if v and has(STATX.INO) then p[#p + 1] = "stx_ino=" .. du(t, "stx_ino") end
  if has(STATX.SIZE) then p[#p + 1] = "stx_size=" .. du(t, "stx_size") end
  if v then
    if has(STATX.BLOCKS) then p[#p + 1] = "stx_blocks=" .. du(t, "stx_blocks") end
    p[#p + 1] = "stx_attributes_mask=" .. xf(o, "statx_attrs", t.stx_attributes_mask)
    local vo = { verbose = true, xlat = o.xlat }
    if has(STATX.ATIME) then p[#p + 1] = "stx_atime=" .. F.statx_timestamp(t.stx_atime, vo) end
    if has(STATX.BTIME) then p[#p + 1] = "stx_btime=" .. F.statx_timestamp(t.stx_btime, vo) end
    if has(STATX.CTIME) then p[#p + 1] = "stx_ctime=" .. F.statx_timestamp(t.stx_ctime, vo) end
    if has(STATX.MTIME) then p[#p + 1] = "stx_mtime=" .. F.statx_timestamp(t.stx_mtime, vo) end
    p[#p + 1] = "stx_rdev_major=" .. d(t.stx_rdev_major)
    p[#p + 1] = "stx_rdev_minor=" .. d(t.stx_rdev_minor)
    p[#p + 1] = "stx_dev_major=" .. d(t.stx_dev_major)
    p[#p + 1] = "stx_dev_minor=" .. d(t.stx_dev_minor)
    if has(STATX.MNT_ID) then p[#p + 1] = "stx_mnt_id=" .. xu(t, "stx_mnt_id") end
    if has(STATX.DIOALIGN) then
      p[#p + 1] = "stx_dio_mem_align=" .. d(t.stx_dio_mem_align)
      p[#p + 1] = "stx_dio_offset_align=" .. d(t.stx_dio_offset_align)
    end
    return concat(p, ", ") .. "}"
  end
  return concat(p, ", ") .. ", ...}"
end

F.statfs = function(t, o)
  local s = "{f_type=" .. xf(o, "fsmagic", t.f_type) .. ", f_bsize=" .. d(t.f_bsize)
    .. ", f_blocks=" .. d(t.f_blocks) .. ", f_bfree=" .. d(t.f_bfree)
    .. ", f_bavail=" .. d(t.f_bavail) .. ", f_files=" .. d(t.f_files)
    .. ", f_ffree=" .. d(t.f_ffree) .. ", f_fsid={val=[" .. x(u32(t.f_fsid[1])) .. ", "
    .. x(u32(t.f_fsid[2])) .. "]}, f_namelen=" .. d(t.f_namelen)
    .. ", f_frsize=" .. d(t.f_frsize)
  if band(t.f_flags, 0x20) ~= 0 then           -- ST_VALID
    s = s .. ", f_flags=" .. xf(o, "statfs_flags", t.f_flags)
  end
  return s .. "}"
end
F.ustat = function(t)
  return "{f_tfree=" .. d(u32(t.f_tfree)) .. ", f_tinode=" .. d(t.f_tinode) .. "}"
end

F.linux_dirent64 = function(t, o)
  return "{d_ino=" .. du(t, "d_ino") .. ", d_off=" .. du(t, "d_off") .. ", d_reclen=" .. d(t.d_reclen)
    .. ", d_type=" .. xf(o, "dirent_types", t.d_type, "d") .. ", d_name=" .. quote(t.d_name) .. "}"
end
F.linux_dirent = function(t, o)
  return "{d_ino=" .. du(t, "d_ino") .. ", d_off=" .. du(t, "d_off") .. ", d_reclen=" .. d(t.d_reclen)
    .. ", d_name=" .. quote(t.d_name) .. ", d_type=" .. xf(o, "dirent_types", t.d_type or 0, "d") .. "}"
end

F.file_handle = function(t, o)
  local hb = d(t.handle_bytes)
  if o.handle_bytes and o.handle_bytes ~= t.handle_bytes then
    hb = d(o.handle_bytes) .. " => " .. hb
  end
  local s = "{handle_bytes=" .. hb .. ", handle_type=" .. d(t.handle_type)
  if t.f_handle and t.f_handle ~= "" then
    s = s .. ", f_handle=" .. quote(t.f_handle, nil, true)
  end
  return s .. "}"
end

F.open_how = function(t, o)
  local s = "{flags=" .. xf(o, "open_flags", t.flags)
  if band(t.flags % 4294967296, 0x410040) ~= 0 or t.mode ~= 0 then   -- O_CREAT|__O_TMPFILE
    s = s .. ", mode=" .. format("%#03o", t.mode)
  end
  return s .. ", resolve=" .. xf(o, "resolve_flags", t.resolve) .. "}"
end

F.flock = function(t, o)
  local s = "{l_type=" .. xf(o, "flock_type", t.l_type, "d") .. ", l_whence="
    .. xf(o, "whence", t.l_whence, "d") .. ", l_start=" .. d(t.l_start)
    .. ", l_len=" .. d(t.l_len)
  if o.exiting then s = s .. ", l_pid=" .. d(t.l_pid) end
  return s .. "}"
end
F.f_owner_ex = function(t, o)
  return "{type=" .. xf(o, "f_owner_type", t.type, "d") .. ", pid=" .. d(t.pid) .. "}"
end

F.mount_attr = function(t, o)
  return "{attr_set=" .. xf(o, "mount_attr", t.attr_set) .. ", attr_clr="
    .. xf(o, "mount_attr", t.attr_clr) .. ", propagation="
    .. (t.propagation == 0 and "0 /* MS_??? */" or xf(o, "mount_propagation", t.propagation))
    .. ", userns_fd=" .. d(t.userns_fd) .. "}"
end
F.cachestat_range = function(t)
  return "{off=" .. x(t.off) .. ", len=" .. d(t.len) .. "}"
end
F.cachestat = function(t)
  return "{nr_cache=" .. d(t.nr_cache) .. ", nr_dirty=" .. d(t.nr_dirty)
    .. ", nr_writeback=" .. d(t.nr_writeback) .. ", nr_evicted=" .. d(t.nr_evicted)
    .. ", nr_recently_evicted=" .. d(t.nr_recently_evicted) .. "}"
end

-- sockets ---------------------------------------------------------------
local AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET = 1, 2, 10, 16, 17

F.in_addr = function(t) return 'inet_addr("' .. ipv4(t.s_addr) .. '")' end
F.in6_addr = function(t)
  local s = ipv6(t.s6_addr)
  if s then return 'inet_pton(AF_INET6, "' .. s .. '")' end
  return quote(t.s6_addr or "", nil, true)
end

local function un_path(t)
  local p = t.sun_path
  if p == nil then return nil end
  if p:byte(1) == 0 then return "@" .. quote(p:sub(2)) end
  return quote(p)
end

F.sockaddr_in = function(t, o)
  return "{sa_family=" .. xf(o, "address_family", t.sin_family, "d") .. ", sin_port=htons("
    .. d(t.sin_port) .. "), sin_addr=" .. F.in_addr(t.sin_addr) .. "}"
end
F.sockaddr_in6 = function(t, o)
  local a = t.sin6_addr and t.sin6_addr.s6_addr or ""
  local s6 = ipv6(a)
  local s = "{sa_family=" .. xf(o, "address_family", t.sin6_family, "d")
    .. ", sin6_port=htons(" .. d(t.sin6_port) .. "), sin6_flowinfo=htonl("
    .. d(t.sin6_flowinfo) .. "), "
    .. (s6 and ('inet_pton(AF_INET6, "' .. s6 .. '", &sin6_addr)')
        or ("sin6_addr=" .. quote(a, nil, true)))
  local len = t._len or o.len or 28
  if len > 24 then
    local b1, b2 = a:byte(1) or 0, a:byte(2) or 0
    local linklocal = (b1 == 0xfe and band(b2, 0xc0) == 0x80) or (b1 == 0xff and band(b2, 0x0f) == 2)
    s = s .. ", sin6_scope_id=" .. (linklocal and ifindex_str(o, t.sin6_scope_id) or d(t.sin6_scope_id))
  end
  return s .. "}"
end
F.sockaddr_un = function(t, o)
  local s = "{sa_family=" .. xf(o, "address_family", t.sun_family, "d")
  local p = un_path(t)
  if p then s = s .. ", sun_path=" .. p end
  return s .. "}"
end
F.sockaddr_nl = function(t, o)
  return "{sa_family=" .. xf(o, "address_family", t.nl_family, "d") .. ", nl_pid=" .. d(t.nl_pid)
    .. ", nl_groups=" .. format("%#08x", t.nl_groups) .. "}"
end
F.sockaddr_ll = function(t, o)
  local s = "{sa_family=" .. xf(o, "address_family", t.sll_family, "d")
    .. ", sll_protocol=htons(" .. xf(o, "ethernet_protocols", t.sll_protocol) .. ")"
    .. ", sll_ifindex=" .. ifindex_str(o, t.sll_ifindex)
    .. ", sll_hatype=" .. xf(o, "arp_hardware", t.sll_hatype, "d")
    .. ", sll_pkttype=" .. xf(o, "packet_types", t.sll_pkttype, "d")
    .. ", sll_halen=" .. d(t.sll_halen)
  if t.sll_halen > 0 then
    local oob = (t._len or o.len or 20) - 12
    local a = {}
    for i = 1, t.sll_halen do
      if i > oob or i > 8 then a[#a + 1] = "..."; break end
      a[#a + 1] = format("%#02x", t.sll_addr[i])
    end
    s = s .. ", sll_addr=[" .. concat(a, ", ") .. "]"
  end
  return s .. "}"
end
-- generic: dispatch on the family
F.sockaddr = function(t, o)
  local fam = t.sa_family or t.sin_family or t.sin6_family or t.sun_family
    or t.nl_family or t.sll_family or 0
  local len = t._len or o.len
  if fam == AF_UNIX and t.sun_family then
    if len == 2 then return "{sa_family=" .. xf(o, "address_family", fam, "d") .. "}" end
    return F.sockaddr_un(t, o)
  elseif fam == AF_INET and t.sin_family then return F.sockaddr_in(t, o)
  elseif fam == AF_INET6 and t.sin6_family then return F.sockaddr_in6(t, o)
  elseif fam == AF_NETLINK and t.nl_family then return F.sockaddr_nl(t, o)
  elseif fam == AF_PACKET and t.sll_family then return F.sockaddr_ll(t, o)
  end
  local s = "{sa_family=" .. xf(o, "address_family", fam, "d")
  if (len == nil or len > 2) and t.sa_data then s = s .. ", sa_data=" .. quote(t.sa_data) end
  return s .. "}"
end
F.linger = function(t) return "{l_onoff=" .. d(t.l_onoff) .. ", l_linger=" .. d(t.l_linger) .. "}" end
F.ucred = function(t) return "{pid=" .. d(t.pid) .. ", uid=" .. d(t.uid) .. ", gid=" .. d(t.gid) .. "}" end
F.ip_mreq = function(t)
  return "{imr_multiaddr=" .. F.in_addr(t.imr_multiaddr) .. ", imr_interface="
    .. F.in_addr(t.imr_interface) .. "}"
end

F.iovec = function(t, o)
  local b = t.iov_base
  local bs
  if type(b) == "string" then bs = quote_max(b, o.maxstr or 32)
  else bs = addr(b) end
  return "{iov_base=" .. bs .. ", iov_len=" .. d(t.iov_len) .. "}"
end

local SCM_RIGHTS, SCM_CREDENTIALS = 1, 2
F.cmsghdr = function(t, o)
  local s = "{cmsg_len=" .. d(t.cmsg_len) .. ", cmsg_level=" .. xf(o, "socket_level", t.cmsg_level, "d")
    .. ", cmsg_type=" .. (t.cmsg_level == 1 and xf(o, "scm_type", t.cmsg_type) or x(t.cmsg_type))
  local data = t.cmsg_data
  if type(data) == "string" then
    if t.cmsg_level == 1 and t.cmsg_type == SCM_RIGHTS then
      local fds = {}
      for i = 1, floor(#data / 4) do
        local b1, b2, b3, b4 = data:byte(4 * i - 3, 4 * i)
        local v = b1 + 256 * b2 + 65536 * b3 + 16777216 * b4
        if v >= 2147483648 then v = v - 4294967296 end
        fds[i] = d(v)
      end
      s = s .. ", cmsg_data=[" .. concat(fds, ", ") .. "]"
    elseif t.cmsg_level == 1 and t.cmsg_type == SCM_CREDENTIALS and #data >= 12 then
      local S = require "ttlua.structs"
      s = s .. ", cmsg_data=" .. F.ucred(S.decode("ucred", data))
    else
      s = s .. ", cmsg_data=" .. quote(data, nil, true)
    end
  end
  return s .. "}"
end

local function list_or_addr(v, name, o)
  if type(v) == "table" then
    local out = {}
    for i, e in ipairs(v) do out[i] = F[name](e, o) end
    return "[" .. concat(out, ", ") .. "]"
  end
  return addr(v or 0)
end

F.msghdr = function(t, o)
  if o.failed then return "{msg_namelen=" .. d(t.msg_namelen) .. "}" end
  local name = t.msg_name
  local ns = type(name) == "table" and sockaddr_str(o, name) or addr(name or 0)
  local s = "{msg_name=" .. ns .. ", msg_namelen=" .. d(t.msg_namelen)
    .. ", msg_iov=" .. list_or_addr(t.msg_iov, "iovec", o)
    .. ", msg_iovlen=" .. d(t.msg_iovlen)
  if t.msg_controllen and t.msg_controllen > 0 then
    s = s .. ", msg_control=" .. list_or_addr(t.msg_control, "cmsghdr", o)
  end
  return s .. ", msg_controllen=" .. d(t.msg_controllen) .. ", msg_flags="
    .. xf(o, "msg_flags", t.msg_flags) .. "}"
end
F.mmsghdr = function(t, o)
  return "{msg_hdr=" .. F.msghdr(t.msg_hdr, o) .. ", msg_len=" .. d(t.msg_len) .. "}"
end
F.sock_filter = function(t)
  return "{code=" .. x(t.code) .. ", jt=" .. d(t.jt) .. ", jf=" .. d(t.jf) .. ", k=" .. x(t.k) .. "}"
end
F.sock_fprog = function(t)
  return "{len=" .. d(t.len) .. ", filter=" .. addr(t.filter) .. "}"
end

-- polling ---------------------------------------------------------------
F.pollfd = function(t, o)
  if o.exiting then
    return "{fd=" .. d(t.fd) .. ", revents=" .. xf(o, "poll_events", t.revents) .. "}"
  end
  if t.fd < 0 then return "{fd=" .. d(t.fd) .. "}" end
  return "{fd=" .. d(t.fd) .. ", events=" .. xf(o, "poll_events", t.events) .. "}"
end
F.epoll_event = function(t, o)
  local data = t.data
  return "{events=" .. xf(o, "epoll_events", t.events) .. ", data={u32="
    .. d(data % 4294967296) .. ", u64=" .. d(data) .. "}}"
end
F.epoll_params = function(t)
  return "{busy_poll_usecs=" .. d(t.busy_poll_usecs) .. ", busy_poll_budget="
    .. d(t.busy_poll_budget) .. ", prefer_busy_poll=" .. x(t.prefer_busy_poll) .. "}"
end
F.fd_set = function(t, o)
  local nfds = o.nfds or 1024
  local out = {}
  for fd = 0, nfds - 1 do
    local w = t.fds_bits[floor(fd / 32) + 1] or 0
    if floor(w / 2 ^ (fd % 32)) % 2 == 1 then out[#out + 1] = d(fd) end
  end
  return "[" .. concat(out, " ") .. "]"
end

-- signals ---------------------------------------------------------------
F.sigset = function(t, o) return sigset_str(o, t.sig) end
local SA_RESTORER = 0x04000000
F.sigaction = function(t, o)
  local h = t.sa_handler
  local hs = h == 0 and "SIG_DFL" or h == 1 and "SIG_IGN" or addr(h)
  local s = "{sa_handler=" .. hs .. ", sa_mask=" .. sigset_str(o, t.sa_mask.sig)
    .. ", sa_flags=" .. xf(o, "sa_flags", t.sa_flags)
  if band(t.sa_flags % 4294967296, SA_RESTORER) ~= 0 then
    s = s .. ", sa_restorer=" .. addr(t.sa_restorer)
  end
  return s .. "}"
end
F.stack_t = function(t, o)
  return "{ss_sp=" .. addr(t.ss_sp) .. ", ss_flags=" .. xf(o, "ss_flags", t.ss_flags)
    .. ", ss_size=" .. d(t.ss_size) .. "}"
end

local SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV, SIGCHLD, SIGIO, SIGSYS, SIGPROF =
  4, 5, 7, 8, 11, 17, 29, 31, 27
local SI_USER, SI_TKILL, SI_TIMER, SI_SIGIO = 0, -6, -2, -5
local CODE_SET = {
  [SIGTRAP] = "sigtrap_codes", [SIGCHLD] = "sigchld_codes", [SIGIO] = "sigpoll_codes",
  [SIGPROF] = "sigprof_codes", [SIGILL] = "sigill_codes", [SIGFPE] = "sigfpe_codes",
  [SIGSEGV] = "sigsegv_codes", [SIGBUS] = "sigbus_codes", [SIGSYS] = "sigsys_codes",
}
local function si_code_str(o, code, signo)
  local s = xname(o, "si_codes", code)
  if not s and CODE_SET[signo] then s = xname(o, CODE_SET[signo], code) end
  return s or d(code)
end

F.siginfo = function(t, o)
  local signo = t.si_signo
  if signo == 0 then return "{}" end
  local p = { "{si_signo=" .. psig(o, signo), "si_code=" .. si_code_str(o, t.si_code, signo) }
  local code = t.si_code
  if t.si_errno ~= 0 then p[#p + 1] = "si_errno=" .. xf(o, "errno", t.si_errno, "d") end
  local function source()
    p[#p + 1] = "si_pid=" .. d(t.si_pid)
    p[#p + 1] = "si_uid=" .. (t.si_uid == 4294967295 and "-1" or d(t.si_uid))
  end
  local function sigval()
    p[#p + 1] = "si_int=" .. d(t.si_int)
    p[#p + 1] = "si_ptr=" .. addr(t.si_ptr)
  end
  if code <= 0 then                       -- SI_FROMUSER
    if code == SI_USER or code == SI_TKILL then source()
    elseif code == SI_TIMER then
      p[#p + 1] = "si_timerid=" .. x(u32(t.si_timerid))
      p[#p + 1] = "si_overrun=" .. d(t.si_overrun)
      sigval()
    elseif code == SI_SIGIO then
      p[#p + 1] = "si_band=" .. d(t.si_band)
      p[#p + 1] = "si_fd=" .. d(t.si_fd)
    else
      source()
      if t.si_ptr ~= 0 then sigval() end
    end
  elseif signo == SIGCHLD then
    source()
    if code == 1 then p[#p + 1] = "si_status=" .. d(t.si_status)      -- CLD_EXITED
    else p[#p + 1] = "si_status=" .. psig(o, t.si_status) end
    p[#p + 1] = "si_utime=" .. clock_t(t.si_utime)
    p[#p + 1] = "si_stime=" .. clock_t(t.si_stime)
  elseif signo == SIGILL or signo == SIGFPE then
    p[#p + 1] = "si_addr=" .. addr(t.si_addr)
  elseif signo == SIGBUS then
    p[#p + 1] = "si_addr=" .. addr(t.si_addr)
    if code == 4 or code == 5 then p[#p + 1] = "si_addr_lsb=" .. x(t.si_addr_lsb) end
  elseif signo == SIGSEGV then
    p[#p + 1] = "si_addr=" .. addr(t.si_addr)
    if code == 3 then                     -- SEGV_BNDERR
      p[#p + 1] = "si_lower=" .. addr(t.si_lower)
      p[#p + 1] = "si_upper=" .. addr(t.si_upper)
    elseif code == 4 then                 -- SEGV_PKUERR
      p[#p + 1] = "si_pkey=" .. d(t.si_pkey)
    end
  elseif signo == SIGTRAP then
    p[#p + 1] = "si_addr=" .. addr(t.si_addr)
    if code == 6 then                     -- TRAP_PERF
      p[#p + 1] = "si_perf_data=" .. x(t.si_perf_data)
      p[#p + 1] = "si_perf_type=" .. xf(o, "perf_type", t.si_perf_type, "d")
      p[#p + 1] = "si_perf_flags=" .. xf(o, "sigtrap_perf_flags", t.si_perf_flags)
    end
  elseif signo == SIGIO then
    if code >= 1 and code <= 6 then
      p[#p + 1] = "si_band=" .. d(t.si_band)
      p[#p + 1] = "si_fd=" .. d(t.si_fd)
    end
  elseif signo == SIGSYS then
    p[#p + 1] = "si_call_addr=" .. addr(t.si_call_addr)
    local name = (o.syscall_name or syscall_name)(t.si_syscall, t.si_arch)
    p[#p + 1] = "si_syscall=" .. (name and ("__NR_" .. name) or d(t.si_syscall))
    p[#p + 1] = "si_arch=" .. xf(o, "audit_arch", t.si_arch)
  else
    if t.si_pid ~= 0 or t.si_uid ~= 0 then source() end
    if t.si_ptr ~= 0 then sigval() end
  end
  return concat(p, ", ") .. "}"
end

-- processes ---------------------------------------------------------------
local function rlim(v)
  if type(v) == "cdata" then
    local u = ffi.cast("uint64_t", v)
    if u == 0xffffffffffffffffULL then return "RLIM64_INFINITY" end
    if u > 1024 and u % 1024 == 0 then return (tostring(u / 1024):gsub("ULL$", "")) .. "*1024" end
    return (tostring(u):gsub("ULL$", ""))
  end
  if v >= TWO64 - 1 then return "RLIM64_INFINITY" end
  if v > 1024 and v % 1024 == 0 then return d(v / 1024) .. "*1024" end
  return d(v)
end
M.rlim = rlim
F.rlimit = function(t)
  local e = t._exact or EMPTY_T
  return "{rlim_cur=" .. rlim(e.rlim_cur or t.rlim_cur) .. ", rlim_max="
    .. rlim(e.rlim_max or t.rlim_max) .. "}"
end
local RUSAGE = { "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
                 "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv",
                 "ru_nsignals", "ru_nvcsw", "ru_nivcsw" }
F.rusage = function(t, o)
  local s = "{ru_utime=" .. tv(t.ru_utime) .. ", ru_stime=" .. tv(t.ru_stime)
  if not o.verbose then return s .. ", ...}" end
  local p = { s }
  for _, f in ipairs(RUSAGE) do p[#p + 1] = f .. "=" .. d(t[f]) end
  return concat(p, ", ") .. "}"
end
F.utsname = function(t, o)
  local s = "{sysname=" .. quote(t.sysname) .. ", nodename=" .. quote(t.nodename)
  if not o.verbose then return s .. ", ...}" end
  return s .. ", release=" .. quote(t.release) .. ", version=" .. quote(t.version)
    .. ", machine=" .. quote(t.machine) .. ", domainname=" .. quote(t.domainname) .. "}"
end
F.sysinfo = function(t)
  return "{uptime=" .. d(t.uptime) .. ", loads=[" .. d(t.loads[1]) .. ", " .. d(t.loads[2])
    .. ", " .. d(t.loads[3]) .. "], totalram=" .. d(t.totalram) .. ", freeram=" .. d(t.freeram)
    .. ", sharedram=" .. d(t.sharedram) .. ", bufferram=" .. d(t.bufferram)
    .. ", totalswap=" .. d(t.totalswap) .. ", freeswap=" .. d(t.freeswap)
    .. ", procs=" .. d(t.procs) .. ", totalhigh=" .. d(t.totalhigh)
    .. ", freehigh=" .. d(t.freehigh) .. ", mem_unit=" .. d(t.mem_unit) .. "}"
end
F.sched_param = function(t) return "[" .. d(t.sched_priority) .. "]" end
F.sched_attr = function(t, o)
  local size = o.len or t.size
  local p = { "{size=" .. d(t.size) }
  if size >= 48 then
    local setting = o.setting
    local keep_policy, keep_params = 0x08, 0x10
    local fl = t.sched_flags % 4294967296
    if not setting or band(fl, keep_policy + keep_params) == 0 or t.sched_policy >= 2147483648 then
      p[#p + 1] = "sched_policy=" .. xf(o, "sched_policy", t.sched_policy, "d")
    end
    p[#p + 1] = "sched_flags=" .. xf(o, "sched_flags", t.sched_flags)
    if not setting or band(fl, keep_params) == 0 then
      p[#p + 1] = "sched_nice=" .. d(t.sched_nice)
      p[#p + 1] = "sched_priority=" .. d(t.sched_priority)
      p[#p + 1] = "sched_runtime=" .. d(t.sched_runtime)
      p[#p + 1] = "sched_deadline=" .. d(t.sched_deadline)
      p[#p + 1] = "sched_period=" .. d(t.sched_period)
    end
    if size >= 56 then
      p[#p + 1] = "sched_util_min=" .. d(t.sched_util_min)
      p[#p + 1] = "sched_util_max=" .. d(t.sched_util_max)
    end
  end
  return concat(p, ", ") .. "}"
end

local CLONE_PIDFD, CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID, CLONE_PARENT_SETTID,
      CLONE_SETTLS, CLONE_INTO_CGROUP = 0x1000, 0x01000000, 0x00200000, 0x00100000,
      0x00080000, 0x200000000
F.clone_args = function(t, o)
  local fl = t.flags
  local lo = fl % 4294967296
  local function has(b) return band(lo, b) ~= 0 end
  local p = { "{flags=" .. xf(o, "clone_flags", fl) }
  if has(CLONE_PIDFD) then p[#p + 1] = "pidfd=" .. addr(t.pidfd) end
  if has(CLONE_CHILD_SETTID + CLONE_CHILD_CLEARTID) then p[#p + 1] = "child_tid=" .. addr(t.child_tid) end
  if has(CLONE_PARENT_SETTID) then p[#p + 1] = "parent_tid=" .. addr(t.parent_tid) end
  if t.exit_signal < 2147483647 then p[#p + 1] = "exit_signal=" .. psig(o, t.exit_signal)
  else p[#p + 1] = "exit_signal=" .. d(t.exit_signal) end
  p[#p + 1] = "stack=" .. addr(t.stack)
  p[#p + 1] = "stack_size=" .. x(t.stack_size)
  if has(CLONE_SETTLS) then p[#p + 1] = "tls=" .. addr(t.tls) end
  if t.set_tid ~= 0 or t.set_tid_size ~= 0 then
    p[#p + 1] = "set_tid=" .. (type(t.set_tid) == "table"
      and ("[" .. concat(t.set_tid, ", ") .. "]") or addr(t.set_tid))
    p[#p + 1] = "set_tid_size=" .. d(t.set_tid_size)
  end
  local size = o.len or 88
  if size > 80 and (t.cgroup ~= 0 or floor(fl / CLONE_INTO_CGROUP) % 2 == 1) then
    p[#p + 1] = "cgroup=" .. d(t.cgroup)
  end
  return concat(p, ", ") .. "}"
end

F.user_cap_header = function(t, o)
  return "{version=" .. xf(o, "cap_version", t.version) .. ", pid=" .. d(t.pid) .. "}"
end
-- bits of one 32-bit capability word (word 0 or 1) as 1<<CAP_X|...
local function cap_bits(o, v, word)
  if v == 0 then return "0" end
  local out, rest = {}, 0
  for b = 0, 31 do
    if floor(v / 2 ^ b) % 2 == 1 then
      local name = xname(o, "capabilities", b + 32 * word)
      if name then out[#out + 1] = "1<<" .. name else rest = rest + 2 ^ b end
    end
  end
  if rest ~= 0 then out[#out + 1] = x(rest) end
  return concat(out, "|")
end
local function cap_set(o, lo, hi)
  local s = ""
  if lo ~= 0 or hi == 0 then s = cap_bits(o, lo, 0) end
  if hi ~= 0 then s = s .. (lo ~= 0 and "|" or "") .. cap_bits(o, hi, 1) end
  return s
end
-- one data struct, or the two of _LINUX_CAPABILITY_VERSION_2/3 as an array
F.user_cap_data = function(t, o)
  local a, b = t, nil
  if t[1] then a, b = t[1], t[2] end
  local function f(n) return cap_set(o, a[n], b and b[n] or 0) end
  return "{effective=" .. f("effective") .. ", permitted=" .. f("permitted")
    .. ", inheritable=" .. f("inheritable") .. "}"
end

F.robust_list_head = function(t)
  return "{list={next=" .. addr(t.list) .. "}, futex_offset=" .. d(t.futex_offset)
    .. ", list_op_pending=" .. addr(t.list_op_pending) .. "}"
end
F.rseq = function(t, o)
  local function cpu(v)
    if v == 4294967295 then return "RSEQ_CPU_ID_UNINITIALIZED" end
    if v == 4294967294 then return "RSEQ_CPU_ID_REGISTRATION_FAILED" end
    return d(v)
  end
  return "{cpu_id_start=" .. d(t.cpu_id_start) .. ", cpu_id=" .. cpu(t.cpu_id)
    .. ", rseq_cs=" .. addr(t.rseq_cs) .. ", flags=" .. xf(o, "rseq_flags", t.flags) .. "}"
end
F.futex_waitv = function(t, o)
  return "{val=" .. x(t.val) .. ", uaddr=" .. addr(t.uaddr) .. ", flags="
    .. xf(o, "futex2_flags", t.flags) .. "}"
end

-- struct perf_event_attr bit fields, in order, from bit 0
local PERF_BITS = {
  "disabled", "inherit", "pinned", "exclusive", "exclude_user", "exclude_kernel",
  "exclude_hv", "exclude_idle", "mmap", "comm", "freq", "inherit_stat",
  "enable_on_exec", "task", "watermark", "precise_ip", "precise_ip", "mmap_data",
  "sample_id_all", "exclude_host", "exclude_guest", "exclude_callchain_kernel",
  "exclude_callchain_user", "mmap2", "comm_exec", "use_clockid", "context_switch",
  "write_backward", "namespaces", "ksymbol", "bpf_event", "aux_output", "cgroup",
  "text_poke", "build_id", "inherit_thread", "remove_on_exec", "sigtrap",
}
M.PERF_BITS = PERF_BITS
local PRECISE = { "arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid" }
F.perf_event_attr = function(t, o)
  local fl = t.flags
  local function bitv(i) return floor(fl / 2 ^ i) % 2 end
  local p = { "{type=" .. xf(o, "perf_type", t.type, "d"),
              "size=" .. xf(o, "perf_attr_size", t.size, "d") }
  local cfg = t.config
  if t.type == 1 then p[#p + 1] = "config=" .. xf(o, "perf_sw_ids", cfg, "d")
  elseif t.type == 0 and cfg < 4294967296 then p[#p + 1] = "config=" .. xf(o, "perf_hw_ids", cfg, "d")
  elseif t.type == 2 then p[#p + 1] = "config=" .. d(cfg)
  else p[#p + 1] = "config=" .. x(cfg) end
  if bitv(10) == 1 then p[#p + 1] = "sample_freq=" .. d(t.sample_freq)
  else p[#p + 1] = "sample_period=" .. d(t.sample_period) end
  p[#p + 1] = "sample_type=" .. xf(o, "perf_sample_format", t.sample_type)
  p[#p + 1] = "read_format=" .. xf(o, "perf_read_format", t.read_format)
  for i = 0, #PERF_BITS - 1 do
    local name = PERF_BITS[i + 1]
    if name == "precise_ip" then
      if i == 15 then
        local v = bitv(15) + 2 * bitv(16)
        p[#p + 1] = "precise_ip=" .. v .. " /* " .. PRECISE[v + 1] .. " */"
      end
    elseif o.verbose or bitv(i) == 1 then
      p[#p + 1] = name .. "=" .. bitv(i)
    end
  end
  local reserved = floor(fl / 2 ^ 38)
  if reserved ~= 0 then p[#p + 1] = "__reserved_1=" .. x(reserved) .. " /* Bits 63..38 */" end
  if not o.verbose then return concat(p, ", ") .. ", ...}" end
  if bitv(14) == 1 then p[#p + 1] = "wakeup_watermark=" .. d(t.wakeup_watermark)
  else p[#p + 1] = "wakeup_events=" .. d(t.wakeup_events) end
  if t.type == 5 then p[#p + 1] = "bp_addr=" .. x(t.bp_addr)
  else p[#p + 1] = "config1=" .. x(t.config1) end
  -- the fields past config1 are there only when the given size covers them
  local size = o.len or (t.size ~= 0 and t.size or 64)
  local fetched = size > 128 and 128 or size
  local function more() return (t.size ~= 0 and t.size > fetched) and ", ...}" or "}" end
  if fetched <= 64 then return concat(p, ", ") .. more() end
  if t.type == 5 then p[#p + 1] = "bp_len=" .. d(t.bp_len)
  else p[#p + 1] = "config2=" .. x(t.config2) end
  if fetched <= 72 then return concat(p, ", ") .. more() end
  if floor(t.sample_type / 2048) % 2 == 1 then        -- PERF_SAMPLE_BRANCH_STACK
    p[#p + 1] = "branch_sample_type=" .. xf(o, "perf_branch_sample_type", t.branch_sample_type)
  end
  if fetched <= 80 then return concat(p, ", ") .. more() end
  p[#p + 1] = "sample_regs_user=" .. x(t.sample_regs_user)
  if fetched <= 88 then return concat(p, ", ") .. more() end
  if floor(t.sample_type / 8192) % 2 == 1 then        -- PERF_SAMPLE_STACK_USER
    p[#p + 1] = "sample_stack_user=" .. x(t.sample_stack_user)
  end
  if bitv(25) == 1 then                                -- use_clockid
    if fetched <= 92 then return concat(p, ", ") .. more() end
    p[#p + 1] = "clockid=" .. xf(o, "clockid", t.clockid, "d")
  end
  if fetched <= 96 then return concat(p, ", ") .. more() end
  p[#p + 1] = "sample_regs_intr=" .. x(t.sample_regs_intr)
  if fetched <= 104 then return concat(p, ", ") .. more() end
  p[#p + 1] = "aux_watermark=" .. d(t.aux_watermark)
  if fetched <= 108 then return concat(p, ", ") .. more() end
  p[#p + 1] = "sample_max_stack=" .. d(t.sample_max_stack)
  if fetched <= 112 then return concat(p, ", ") .. more() end
  p[#p + 1] = "aux_sample_size=" .. d(t.aux_sample_size)
  if fetched <= 120 then return concat(p, ", ") .. more() end
  p[#p + 1] = "sig_data=" .. x(t.sig_data)
  return concat(p, ", ") .. more()
end
F.landlock_ruleset_attr = function(t, o)
  local s = "{handled_access_fs=" .. xf(o, "landlock_fs", t.handled_access_fs)
  local len = o.len or 8
  if len > 8 then s = s .. ", handled_access_net=" .. xf(o, "landlock_net", t.handled_access_net) end
  if len > 16 then s = s .. ", scoped=" .. xf(o, "landlock_scoped", t.scoped) end
  return s .. "}"
end

-- terminals ---------------------------------------------------------------
local function oflag_str(o, v)
  local parts = {}
  local fields = { { "term_nldly", 0x100 }, { "term_crdly", 0x600 }, { "term_tabdly", 0x1800 },
                   { "term_bsdly", 0x2000 }, { "term_vtdly", 0x4000 }, { "term_ffdly", 0x8000 } }
  for _, f in ipairs(fields) do
    parts[#parts + 1] = xf(o, f[1], band(v, f[2]))
    v = band(v, bit.bnot(f[2]))
  end
  parts[#parts + 1] = xf(o, "term_oflags", v)
  return concat(parts, "|")
end
local function cflag_str(o, v)
  local CBAUD, CIBAUD, CSIZE, IBSHIFT = 0x100f, 0x100f0000, 0x30, 16
  local s = xf(o, "term_baud", band(v, CBAUD)) .. "|"
  if band(v, CIBAUD) ~= 0 then
    s = s .. xf(o, "term_baud", rshift(band(v, CIBAUD), IBSHIFT)) .. "<<IBSHIFT|"
  end
  s = s .. xf(o, "term_csize", band(v, CSIZE)) .. "|"
  return s .. xf(o, "term_cflags", band(v, bit.bnot(CBAUD + CIBAUD + CSIZE)))
end
local function cc_str(o, cc, n)
  local out = {}
  for i = 1, n do
    local name = xname(o, "term_cc", i - 1)
    local v = cc[i]
    out[#out + 1] = "[" .. (name or d(i - 1)) .. "]=" .. x(v)
  end
  return "[" .. concat(out, ", ") .. "]"
end
local function termios_common(t, o)
  return "{c_iflag=" .. xf(o, "term_iflags", t.c_iflag) .. ", c_oflag=" .. oflag_str(o, t.c_oflag)
    .. ", c_cflag=" .. cflag_str(o, t.c_cflag) .. ", c_lflag=" .. xf(o, "term_lflags", t.c_lflag)
end
F.termios = function(t, o)
  local s = termios_common(t, o)
  if not o.verbose then return s .. ", ...}" end
  return s .. ", c_line=" .. xf(o, "term_line", t.c_line, "d") .. ", c_cc=" .. cc_str(o, t.c_cc, 19) .. "}"
end
F.termios2 = function(t, o)
  local s = termios_common(t, o)
  if not o.verbose then return s .. ", ...}" end
  return s .. ", c_line=" .. xf(o, "term_line", t.c_line, "d") .. ", c_cc=" .. cc_str(o, t.c_cc, 19)
    .. ", c_ispeed=" .. d(t.c_ispeed) .. ", c_ospeed=" .. d(t.c_ospeed) .. "}"
end
F.winsize = function(t)
  return "{ws_row=" .. d(t.ws_row) .. ", ws_col=" .. d(t.ws_col) .. ", ws_xpixel="
    .. d(t.ws_xpixel) .. ", ws_ypixel=" .. d(t.ws_ypixel) .. "}"
end

-- io_uring, ipc -------------------------------------------------------------
F.io_sqring_offsets = function(t)
  local s = "{head=" .. d(t.head) .. ", tail=" .. d(t.tail) .. ", ring_mask=" .. d(t.ring_mask)
    .. ", ring_entries=" .. d(t.ring_entries) .. ", flags=" .. d(t.flags) .. ", dropped="
    .. d(t.dropped) .. ", array=" .. d(t.array)
  if t.resv1 ~= 0 then s = s .. ", resv1=" .. x(t.resv1) end
  if t.user_addr ~= 0 then s = s .. ", resv2=" .. x(t.user_addr) end
  return s .. "}"
end
F.io_cqring_offsets = function(t)
  local s = "{head=" .. d(t.head) .. ", tail=" .. d(t.tail) .. ", ring_mask=" .. d(t.ring_mask)
    .. ", ring_entries=" .. d(t.ring_entries) .. ", overflow=" .. d(t.overflow) .. ", cqes="
    .. d(t.cqes) .. ", flags=" .. d(t.flags)
  if t.resv1 ~= 0 then s = s .. ", resv1=" .. x(t.resv1) end
  if t.user_addr ~= 0 then s = s .. ", resv2=" .. x(t.user_addr) end
  return s .. "}"
end
-- entering: the input part only; exiting (or no opts): the whole strace line
F.io_uring_params = function(t, o)
  local s = "{flags=" .. xf(o, "uring_setup_flags", t.flags) .. ", sq_thread_cpu="
    .. x(t.sq_thread_cpu) .. ", sq_thread_idle=" .. d(t.sq_thread_idle)
  if band(t.flags, 0x20) ~= 0 then s = s .. ", wq_fd=" .. d(t.wq_fd) end   -- ATTACH_WQ
  local r = t.resv
  if r[1] ~= 0 or r[2] ~= 0 or r[3] ~= 0 then
    s = s .. ", resv=[" .. x(r[1]) .. ", " .. x(r[2]) .. ", " .. x(r[3]) .. "]"
  end
  if o.entering then return s end
  return s .. ", sq_entries=" .. d(t.sq_entries) .. ", cq_entries=" .. d(t.cq_entries)
    .. ", features=" .. xf(o, "uring_features", t.features)
    .. ", sq_off=" .. F.io_sqring_offsets(t.sq_off) .. ", cq_off="
    .. F.io_cqring_offsets(t.cq_off) .. "}"
end
F.mq_attr = function(t, o)
  return "{mq_flags=" .. xf(o, "mq_flags", t.mq_flags) .. ", mq_maxmsg=" .. d(t.mq_maxmsg)
    .. ", mq_msgsize=" .. d(t.mq_msgsize) .. ", mq_curmsgs=" .. d(t.mq_curmsgs) .. "}"
end
F.sembuf = function(t, o)
  return "{sem_num=" .. d(t.sem_num) .. ", sem_op=" .. d(t.sem_op) .. ", sem_flg="
    .. xf(o, "semop_flags", t.sem_flg % 65536) .. "}"
end

---------------------------------------------------------------------------
-- Entry point
---------------------------------------------------------------------------
local ALIAS = {
  __kernel_timespec = "kernel_timespec", __kernel_itimerspec = "itimerspec",
  kernel_sigset = "sigset", kernel_sigaction = "sigaction", new_sigaction = "sigaction",
  sigaltstack = "stack_t", siginfo_t = "siginfo", rlimit64 = "rlimit",
  new_utsname = "utsname", __user_cap_header_struct = "user_cap_header",
  cap_user_header = "user_cap_header", __user_cap_data_struct = "user_cap_data",
  cap_user_data = "user_cap_data",
}

local EMPTY = {}
local DIRENT = { linux_dirent64 = true, linux_dirent = true }

--- strace-style text for struct `name` decoded into `t` (see the header).
function M.format(name, t, opts)
  local o = opts or EMPTY
  name = ALIAS[name] or name
  local f = F[name]
  if not f then error("structfmt: no printer for struct '" .. tostring(name) .. "'", 2) end
  if type(t) ~= "table" then
    if type(t) == "number" then return addr(t) end  -- unread pointer
    error("structfmt.format: table expected", 2)
  end
  if t[1] ~= nil or next(t) == nil then   -- an array of structs (a decoded struct is never empty)
    if name == "user_cap_data" then return f(t, o) end
    if DIRENT[name] and not o.verbose then
      return x(o.addr or 0) .. " /* " .. #t .. (o.partial and "+" or "") .. " entries */"
    end
    local out = {}
    for _, e in ipairs(t) do
      if not (name == "pollfd" and o.exiting and e.revents == 0) then
        out[#out + 1] = f(e, o)
      end
    end
    if o.more then out[#out + 1] = "..." end
    return "[" .. concat(out, ", ") .. "]"
  end
  return f(t, o)
end

--- True when struct `name` has a printer.
function M.has(name) return F[ALIAS[name] or name] ~= nil end

return M
