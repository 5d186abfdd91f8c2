-- ttlua.decode.misc: calls whose strace line depends on one argument's
-- value (arguments left out or printed another way), found by comparing
-- ttlua with strace 6.1 over every syscall (tests/progs/golden_sweep.c):
-- mknod(at), ustat, mq_open, keyctl/add_key/request_key, kcmp, membarrier,
-- personality, fanotify_init, file handles, AIO (io_setup, io_submit,
-- io_cancel, io_getevents, io_destroy), and a few flags strace prints in hex.
local bit = require "bit"
local U = require "ttlua.decode.util"

local band, bnot = bit.band, bit.bnot
local concat = table.concat

-- ---- file modes and devices ----------------------------------------------------------

-- a numeric umode_t (an unsigned short): 0644
local function umode(v) return U.oct(v % 65536) end
U.type("mode", {
  value = function(_, raw) return U.u32(raw) end,
  format = function(_, raw) return umode(raw) end,
  encode = function(_, v) return v end,
})

-- S_IFCHR|0600 (strace's print_symbolic_mode_t of an unsigned short)
local function symbolic_mode(v)
  v = v % 65536
  local ifmt = band(v, 0xf000)
  local t = ""
  if ifmt ~= 0 then
    t = U.name("mode_type", ifmt)
    if not t then return U.oct(v) end
    t = t .. "|"
  end
  return t .. (band(v, 0x800) ~= 0 and "S_ISUID|" or "") .. (band(v, 0x400) ~= 0 and "S_ISGID|" or "")
    .. (band(v, 0x200) ~= 0 and "S_ISVTX|" or "") .. U.oct(band(v, 0x1ff))
end

-- makedev(major, minor) of a 32-bit device number
local function dev32(v)
  return U.structfmt().dev(U.u32(v))
end

local S_IFCHR, S_IFBLK = 0x2000, 0x6000
local function mknod_tail(c, i)
  local mode = c._args[i] % 65536
  local s = symbolic_mode(mode)
  local t = band(mode, 0xf000)
  if t == S_IFCHR or t == S_IFBLK then s = s .. ", " .. dev32(c._args[i + 1]) end
  return s
end
U.call("mknod", U.at_entry(function(c) return U.arg(c, 1) .. ", " .. mknod_tail(c, 2) end))
U.call("mknodat", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", " .. mknod_tail(c, 3)
end))
U.call("ustat", U.printer(
  function(c) return dev32(c._args[1]) .. ", " end,
  function(c)
    local addr = c._args[2]
    if U.failed(c) then return U.ptr(addr) end
    return U.pstruct(c, addr, "ustat")
  end))

-- ---- message queues ---------------------------------------------------------------------

local O_CREAT = 0x40
U.call("mq_open", U.at_entry(function(c)
  local a = c._args
  local flags = U.u32(a[2])
  local s = U.arg(c, 1) .. ", " .. U.set("open_flags", flags)
  if band(flags, O_CREAT) ~= 0 then
    s = s .. ", " .. umode(a[3]) .. ", " .. U.pstruct(c, a[4], "mq_attr")
  end
  return s
end))

-- ---- keys ------------------------------------------------------------------------------------

-- a key serial number: its KEY_SPEC_* name or the number in decimal
local function serial(v)
  return U.name("key_spec", U.u32(v)) or U.dec(U.s32(v))
end

U.call("add_key", U.at_entry(function(c)
  local a = c._args
  return U.str(c, a[1]) .. ", " .. U.str(c, a[2]) .. ", " .. U.buf(c, a[3], a[4]) .. ", "
    .. U.udec(a[4]) .. ", " .. serial(a[5])
end))
U.call("request_key", U.at_entry(function(c)
  local a = c._args
  return U.str(c, a[1]) .. ", " .. U.str(c, a[2]) .. ", " .. U.str(c, a[3]) .. ", " .. serial(a[4])
end))

local KEYCTL = { GET_KEYRING_ID = 0, JOIN_SESSION_KEYRING = 1, UPDATE = 2, REVOKE = 3, CHOWN = 4,
  SETPERM = 5, DESCRIBE = 6, CLEAR = 7, LINK = 8, UNLINK = 9, SEARCH = 10, READ = 11,
  SET_TIMEOUT = 15, ASSUME_AUTHORITY = 16, SESSION_TO_PARENT = 18, INVALIDATE = 21 }
U.call("keyctl", U.at_entry(function(c)
  local a = c._args
  local op = U.s32(a[1])
  local s = U.enum_x("keyctl_cmd", U.u32(a[1]), "KEYCTL_???")
  if op == KEYCTL.SESSION_TO_PARENT then return s end
  s = s .. ", "
  if op == KEYCTL.GET_KEYRING_ID then
    return s .. serial(a[2]) .. ", " .. U.dec(U.s32(a[3]))
  elseif op == KEYCTL.JOIN_SESSION_KEYRING then
    return s .. U.str(c, a[2])
  elseif op == KEYCTL.REVOKE or op == KEYCTL.CLEAR or op == KEYCTL.INVALIDATE
    or op == KEYCTL.ASSUME_AUTHORITY then
    return s .. serial(a[2])
  elseif op == KEYCTL.LINK or op == KEYCTL.UNLINK then
    return s .. serial(a[2]) .. ", " .. serial(a[3])
  elseif op == KEYCTL.SET_TIMEOUT then
    return s .. serial(a[2]) .. ", " .. U.dec(U.u32(a[3]))
  elseif op == KEYCTL.UPDATE then
    return s .. serial(a[2]) .. ", " .. U.buf(c, a[3], a[4]) .. ", " .. U.udec(a[4])
  end
  return s .. U.x(a[2]) .. ", " .. U.x(a[3]) .. ", " .. U.x(a[4]) .. ", " .. U.x(a[5])
end))

-- ---- kcmp, membarrier, personality --------------------------------------------------------------

local KCMP_FILE, KCMP_EPOLL_TFD = 0, 7
local KCMP_NOIDX = { [1] = true, [2] = true, [3] = true, [4] = true, [5] = true, [6] = true }
U.call("kcmp", U.at_entry(function(c)
  local a = c._args
  local t = U.s32(a[3])
  local s = U.dec(U.s32(a[1])) .. ", " .. U.dec(U.s32(a[2])) .. ", "
    .. U.enum_x("kcmp_type", U.u32(a[3]), "KCMP_???")
  if t == KCMP_FILE then
    return s .. ", " .. U.dec(U.s32(a[4])) .. ", " .. U.dec(U.s32(a[5]))
  elseif t == KCMP_EPOLL_TFD then
    local b = a[5] ~= 0 and U.readn(c, a[5], 12)
    local slot = a[5] == 0 and "NULL" or b and ("{efd=" .. U.get_i32(b, 0) .. ", tfd=" .. U.get_i32(b, 1)
      .. ", toff=" .. U.get_u32(b, 2) .. "}") or U.ptr(a[5])
    return s .. ", " .. U.dec(U.s32(a[4])) .. ", " .. slot
  elseif KCMP_NOIDX[t] then
    return s
  end
  return s .. ", " .. U.x(a[4]) .. ", " .. U.x(a[5])
end))

local MEMBARRIER_CMD_FLAG_CPU = 1
U.call("membarrier", U.at_entry(
  function(c)
    local a = c._args
    local flags = U.u32(a[2])
    local s = U.enum_x("membarrier_cmd", U.u32(a[1]), "MEMBARRIER_CMD_???") .. ", "
      .. U.set("membarrier_flags", flags)
    if band(flags, MEMBARRIER_CMD_FLAG_CPU) ~= 0 then s = s .. ", " .. U.dec(U.s32(a[3])) end
    return s
  end,
  function(c)
    if U.s32(c._args[1]) ~= 0 or U.failed(c) or c.result == 0 then return nil end
    local ok, X = pcall(require, "ttlua.xlat")
    local set = ok and X.load("membarrier_cmd")
    if not set then return nil end
    -- the commands the kernel supports, as flags
    local out, left = {}, c.result
    for _, e in ipairs(set) do
      local v = e[2]
      if not e.since and v ~= 0 and band(left, v) == v then
        out[#out + 1] = e[1]
        left = band(left, bnot(v))
      end
    end
    if left ~= 0 then out[#out + 1] = U.x(left) end
    return U.x(c.result) .. " (" .. concat(out, "|") .. ")"
  end))

local function personality_text(p)
  return U.set("personality", p)
end
U.call("personality", U.at_entry(
  function(c)
    local p = U.u32(c._args[1])
    if p == 0xffffffff then return "0xffffffff" end
    return personality_text(p)
  end,
  function(c)
    if U.failed(c) then return nil end
    return U.x(c.result) .. " (" .. personality_text(U.u32(c.result)) .. ")"
  end))

-- ---- fanotify, file handles ------------------------------------------------------------------------

U.call("fanotify_init", U.at_entry(function(c)
  return U.set("fanotify_init_flags", U.u32(c._args[1])) .. ", " .. U.set("open_flags", U.u32(c._args[2]))
end))

local function handle_text(c, addr, with_data)
  if addr == 0 then return "NULL" end
  local b = U.readn(c, addr, 8)
  if not b then return U.ptr(addr) end
  local n, t = U.get_u32(b, 0), U.get_i32(b, 1)
  local s = "{handle_bytes=" .. n .. ", handle_type=" .. t
  if with_data then
    local data = n > 0 and n <= 128 and U.read(c, addr + 8, n) or ""
    s = s .. ", f_handle=" .. U.quote.quote(data or "", nil, true)
  end
  return s .. "}"
end
U.call("open_by_handle_at", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. handle_text(c, c._args[2], true) .. ", "
    .. U.set("open_flags", U.u32(c._args[3]))
end))
U.call("name_to_handle_at", {
  entry = function(c)
    local addr = c._args[3]
    local s = U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", "
    if addr == 0 then return s .. "NULL" end
    local n = U.read_u32(c, addr)
    c._hb = n
    if not n then return s .. U.ptr(addr) end
    return s .. "{handle_bytes=" .. n
  end,
  exit = function(c)
    local a = c._args
    local s = ""
    if c._hb then
      if U.failed(c) then
        s = "}"
      else
        local t = handle_text(c, a[3], true)
        local now = U.read_u32(c, a[3])
        s = (now and now ~= c._hb and (" => " .. now) or "") .. t:match("^{handle_bytes=%d+(.*)$")
      end
    end
    local mid
    if a[4] == 0 then mid = "NULL"
    elseif U.failed(c) then mid = U.ptr(a[4])
    else
      local v = U.read_i32(c, a[4])
      mid = v and ("[" .. v .. "]") or U.ptr(a[4])
    end
    return s .. ", " .. mid .. ", " .. U.set("name_to_handle_at_flags", U.u32(a[5]))
  end,
})

-- ---- flags strace prints in hex ------------------------------------------------------------------

U.call("pidfd_getfd", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.dec(U.s32(c._args[2])) .. ", " .. U.x32(c._args[3])
end))
U.call("landlock_add_rule", U.at_entry(function(c)
  local a = c._args
  return U.arg(c, 1) .. ", " .. U.enum_x("landlock_rule_type", U.u32(a[2]), "LANDLOCK_RULE_???")
    .. ", " .. U.ptr(a[3]) .. ", " .. U.x32(a[4])
end))
U.call("set_mempolicy_home_node", U.at_entry(function(c)
  local a = c._args
  return U.ptr(a[1]) .. ", " .. U.udec(a[2]) .. ", " .. U.udec(a[3]) .. ", " .. U.x(a[4])
end))
U.call("faccessat2", U.at_entry(function(c)
  local a = c._args
  return U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", " .. U.arg(c, 3) .. ", "
    .. U.set("faccessat_flags", U.u32(a[4]))
end))
local MOUNT_ATTR_SIZE_VER0 = 32
U.call("mount_setattr", U.at_entry(function(c)
  local a = c._args
  local attr
  if a[5] < MOUNT_ATTR_SIZE_VER0 then attr = U.ptr(a[4]) else attr = U.pstruct(c, a[4], "mount_attr") end
  return U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", " .. U.set("mount_setattr_flags", U.u32(a[3])) .. ", "
    .. attr .. ", " .. U.udec(a[5])
end))

-- ---- I/O priorities -------------------------------------------------------------------------------

local function ioprio_text(v)
  v = U.u32(v)
  return "IOPRIO_PRIO_VALUE(" .. U.enum_x("ioprio_class", bit.rshift(v, 13), "IOPRIO_CLASS_???") .. ", "
    .. band(v, 0x1fff) .. ")"
end
U.call("ioprio_set", U.at_entry(function(c)
  local a = c._args
  return U.enum_x("ioprio_which", U.u32(a[1]), "IOPRIO_WHO_???") .. ", " .. U.dec(U.s32(a[2])) .. ", "
    .. ioprio_text(a[3])
end))
U.call("ioprio_get", U.at_entry(
  function(c)
    local a = c._args
    return U.enum_x("ioprio_which", U.u32(a[1]), "IOPRIO_WHO_???") .. ", " .. U.dec(U.s32(a[2]))
  end,
  function(c)
    if U.failed(c) then return nil end
    return U.dec(c.result) .. " (" .. ioprio_text(c.result) .. ")"
  end))

-- ---- AIO ---------------------------------------------------------------------------------------------

local IOCB_FLAG_RESFD, IOCB_FLAG_IOPRIO = 1, 2
local SUB = { [0] = "common", "common", "none", "none", "none", "poll", "none", "vector", "vector" }

-- struct iocb (64 bytes): data u64 0, key u32 8, rw_flags i32 12, lio_opcode u16 16,
-- reqprio i16 18, fildes u32 20, buf u64 24, nbytes u64 32, offset i64 40,
-- reserved2 u64 48, flags u32 56, resfd u32 60
local function iocb_text(c, b, header_only)
  local opcode = b:byte(17) + 256 * b:byte(18)
  local reqprio = b:byte(19) + 256 * b:byte(20)
  if reqprio >= 32768 then reqprio = reqprio - 65536 end
  local key, rwflags = U.get_u32(b, 2), U.get_i32(b, 3)
  local fildes = U.get_i32(b, 5)
  local flags, resfd = U.get_u32(b, 14), U.get_u32(b, 15)
  local p = { "aio_data=" .. U.x(U.get_u64(b, 0)) }
  if key ~= 0 then p[#p + 1] = "aio_key=" .. key end
  if rwflags ~= 0 then p[#p + 1] = "aio_rw_flags=" .. U.set("rwf_flags", U.u32(rwflags)) end
  local on = U.name("aio_cmds", opcode)
  p[#p + 1] = "aio_lio_opcode=" .. (on or (opcode .. " /* IOCB_CMD_??? */"))
  if band(flags, IOCB_FLAG_IOPRIO) ~= 0 then p[#p + 1] = "aio_reqprio=" .. ioprio_text(reqprio % 65536)
  elseif reqprio ~= 0 then p[#p + 1] = "aio_reqprio=" .. reqprio end
  p[#p + 1] = "aio_fildes=" .. fildes
  if not header_only then
    local sub = SUB[opcode] or "none"
    local buf, nbytes, offset = U.get_u64(b, 3), U.get_u64(b, 4), U.get_i64(b, 5)
    local function common_flags()
      if flags ~= 0 then p[#p + 1] = "aio_flags=" .. U.set("aio_iocb_flags", flags) end
      if band(flags, IOCB_FLAG_RESFD) ~= 0 then p[#p + 1] = "aio_resfd=" .. U.s32(resfd)
      elseif resfd ~= 0 then p[#p + 1] = "aio_resfd=" .. U.x(resfd) end
    end
    if sub == "common" then
      if opcode == 1 and nbytes < 2 ^ 63 then p[#p + 1] = "aio_buf=" .. U.buf(c, buf, nbytes)
      else p[#p + 1] = "aio_buf=" .. U.x(buf) end
      p[#p + 1] = "aio_nbytes=" .. U.udec(nbytes)
      p[#p + 1] = "aio_offset=" .. offset
      common_flags()
    elseif sub == "vector" then
      local io_ = require "ttlua.decode.io"
      p[#p + 1] = "aio_buf=" .. io_.iov_text(c, buf, nbytes, nil, opcode ~= 8)
      p[#p + 1] = "aio_offset=" .. offset
      common_flags()
    elseif sub == "poll" then
      p[#p + 1] = "aio_buf=" .. U.set("poll_events", U.u32(buf))
      common_flags()
    end
  end
  return "{" .. concat(p, ", ") .. "}"
end

local function io_event_text(b, off)
  off = off or 0
  return "{data=" .. U.x(U.get_u64(b, off)) .. ", obj=" .. U.x(U.get_u64(b, off + 1)) .. ", res="
    .. U.get_i64(b, off + 2) .. ", res2=" .. U.get_i64(b, off + 3) .. "}"
end

U.call("io_setup", U.printer(
  function(c) return U.dec(U.u32(c._args[1])) .. ", " end,
  function(c)
    local addr = c._args[2]
    if addr == 0 then return "NULL" end
    local v = not U.failed(c) and U.read_u64(c, addr)
    return v and ("[" .. U.ptr(v) .. "]") or U.ptr(addr)
  end))
U.call("io_destroy", U.at_entry(function(c) return U.ptr(c._args[1]) end))
U.call("io_submit", U.at_entry(function(c)
  local a = c._args
  local nr = a[2]
  local s = U.ptr(a[1]) .. ", " .. U.dec(nr) .. ", "
  if nr < 0 then return s .. U.ptr(a[3]) end
  if a[3] == 0 then return s .. "NULL" end
  if nr == 0 then return s .. "[]" end
  local max = U.types.opts.strsize
  local parts = {}
  for i = 0, math.min(nr, max) - 1 do
    local pb = U.readn(c, a[3] + 8 * i, 8)
    if not pb then
      if i == 0 then return s .. U.ptr(a[3]) end
      parts[#parts + 1] = "... /* " .. U.ptr(a[3] + 8 * i) .. " */"
      break
    end
    local pa = U.get_u64(pb, 0)
    local cb = pa ~= 0 and U.readn(c, pa, 64)
    parts[#parts + 1] = pa == 0 and "NULL" or cb and iocb_text(c, cb) or U.ptr(pa)
  end
  if nr > max and #parts == max then parts[#parts + 1] = "..." end
  return s .. "[" .. concat(parts, ", ") .. "]"
end))
U.call("io_cancel", U.printer(
  function(c)
    local a = c._args
    local cb = a[2] ~= 0 and U.readn(c, a[2], 64)
    return U.ptr(a[1]) .. ", " .. (a[2] == 0 and "NULL" or cb and iocb_text(c, cb, true) or U.ptr(a[2]))
      .. ", "
  end,
  function(c)
    local addr = c._args[3]
    if addr == 0 then return "NULL" end
    local b = not U.failed(c) and U.readn(c, addr, 32)
    return b and io_event_text(b) or U.ptr(addr)
  end))
local function getevents_exit(c, has_sig)
  local a = c._args
  local s
  if a[4] == 0 then s = "NULL"
  elseif U.failed(c) then s = U.ptr(a[4])
  else
    local n = c.result
    local max = U.types.opts.strsize
    local parts = {}
    for i = 0, math.min(n, max) - 1 do
      local b = U.readn(c, a[4] + 32 * i, 32)
      if not b then parts[#parts + 1] = "... /* " .. U.ptr(a[4] + 32 * i) .. " */"; break end
      parts[#parts + 1] = io_event_text(b)
    end
    if n > max then parts[#parts + 1] = "..." end
    s = "[" .. concat(parts, ", ") .. "]"
  end
  s = s .. ", " .. U.pstruct(c, a[5], "timespec")
  if has_sig then
    local b = a[6] ~= 0 and U.readn(c, a[6], 16)
    if a[6] == 0 then s = s .. ", NULL"
    elseif not b then s = s .. ", " .. U.ptr(a[6])
    else
      local signal = require "ttlua.decode.signal"
      s = s .. ", {sigmask=" .. signal.sigset_text(c, U.get_u64(b, 0), U.get_u64(b, 1))
        .. ", sigsetsize=" .. U.udec(U.get_u64(b, 1)) .. "}"
    end
  end
  return s
end
local function getevents_entry(c)
  local a = c._args
  return U.ptr(a[1]) .. ", " .. U.dec(a[2]) .. ", " .. U.dec(a[3]) .. ", "
end
U.call("io_getevents", U.printer(getevents_entry, function(c) return getevents_exit(c, false) end))
U.call("io_pgetevents", U.printer(getevents_entry, function(c) return getevents_exit(c, true) end))

-- ---- mounts, landlock, fanotify_mark, perf_event_open ------------------------------------------

local FSCONFIG = { SET_FLAG = 0, SET_STRING = 1, SET_BINARY = 2, SET_PATH = 3, SET_PATH_EMPTY = 4,
  SET_FD = 5 }
U.call("fsconfig", U.at_entry(function(c)
  local a = c._args
  local cmd = U.u32(a[2])
  local aux = U.s32(a[5])
  local s = U.arg(c, 1) .. ", " .. U.enum_x("fsconfig_cmd", cmd, "FSCONFIG_???") .. ", "
  if cmd <= FSCONFIG.SET_FD then s = s .. U.str(c, a[3], 256) else s = s .. U.ptr(a[3]) end
  s = s .. ", "
  if cmd == FSCONFIG.SET_STRING then s = s .. U.str(c, a[4], 256)
  elseif cmd == FSCONFIG.SET_PATH or cmd == FSCONFIG.SET_PATH_EMPTY then s = s .. U.as("path", c, a[4])
  elseif cmd == FSCONFIG.SET_BINARY and aux >= 0 and aux <= 1024 * 1024 then s = s .. U.buf(c, a[4], aux, true)
  else s = s .. U.ptr(a[4]) end
  s = s .. ", "
  if cmd == FSCONFIG.SET_PATH or cmd == FSCONFIG.SET_PATH_EMPTY then s = s .. U.as("dirfd", c, a[5])
  else s = s .. U.dec(aux) end
  return s
end))
U.call("fsmount", U.at_entry(function(c)
  local a = c._args
  return U.arg(c, 1) .. ", " .. U.set("fsmount_flags", U.u32(a[2])) .. ", "
    .. U.set("fsmount_attr_flags", U.u32(a[3]))
end))
U.call("landlock_create_ruleset", U.at_entry(function(c)
  local a = c._args
  local attr
  if a[2] < 8 then attr = U.ptr(a[1])
  else
    local v = U.read_u64(c, a[1])
    if not v then attr = U.ptr(a[1])
    else
      attr = "{handled_access_fs=" .. U.set("landlock_access_fs", v) .. (a[2] > 8 and ", ..." or "") .. "}"
    end
  end
  return attr .. ", " .. U.udec(a[2]) .. ", " .. U.set("landlock_create_ruleset_flags", U.u32(a[3]))
end))
U.call("fanotify_mark", U.at_entry(function(c)
  local a = c._args
  return U.arg(c, 1) .. ", " .. U.set("fanotify_mark_flags", U.u32(a[2])) .. ", "
    .. U.set("fanotify_mask", a[3]) .. ", " .. U.arg(c, 4) .. ", " .. U.arg(c, 5)
end))
U.call("perf_event_open", U.at_entry(function(c)
  local a = c._args
  return U.arg(c, 1) .. ", " .. U.dec(U.s32(a[2])) .. ", " .. U.dec(U.s32(a[3])) .. ", " .. U.arg(c, 4)
    .. ", " .. U.set("perf_event_open_flags", a[5])
end))

-- ---- NUMA ---------------------------------------------------------------------------------------------

-- a node mask: an array of longs, each printed 0x%016x
local function nodemask(c, addr, maxnode)
  local nmemb = math.floor((maxnode + 62) / 64)
  if nmemb < math.floor(maxnode / 64) or (maxnode ~= 0 and nmemb == 0) then return U.ptr(addr) end
  if addr == 0 then return "NULL" end
  if nmemb == 0 then return "[]" end
  local max = U.types.opts.strsize
  local n = nmemb > max and max or nmemb
  local b = U.read(c, addr, 8 * n)
  if not b or #b < 8 then return U.ptr(addr) end
  local out = {}
  for i = 0, math.floor(#b / 8) - 1 do
    out[#out + 1] = string.format("0x%016x", U.get_u64(b, i))
  end
  if #b < 8 * n then out[#out + 1] = "... /* " .. U.ptr(addr + #b) .. " */"
  elseif nmemb > n then out[#out + 1] = "..." end
  return "[" .. concat(out, ", ") .. "]"
end

local MPOL_FLAGS = 0xe000 -- MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING
local function mpol_mode(v)
  local flags = band(v % 4294967296, MPOL_FLAGS)
  local mode = v - flags
  if flags == 0 then return U.enum_x("mempolicy_base", mode, "MPOL_???") end
  local name = U.name("mempolicy_base", mode)
  if not name then return U.set("mempolicy_mode", v) end
  return name .. "|" .. U.set("mempolicy_mode", flags):gsub(" /%* [^*]* %*/$", "")
end
U.call("set_mempolicy", U.at_entry(function(c)
  local a = c._args
  return mpol_mode(U.u32(a[1])) .. ", " .. nodemask(c, a[2], a[3]) .. ", " .. U.udec(a[3])
end))
U.call("mbind", U.at_entry(function(c)
  local a = c._args
  return U.ptr(a[1]) .. ", " .. U.udec(a[2]) .. ", " .. mpol_mode(a[3]) .. ", " .. nodemask(c, a[4], a[5])
    .. ", " .. U.udec(a[5]) .. ", " .. U.set("mbind_flags", U.u32(a[6]))
end))
U.call("migrate_pages", U.at_entry(function(c)
  local a = c._args
  return U.dec(U.s32(a[1])) .. ", " .. U.udec(a[2]) .. ", " .. nodemask(c, a[3], a[2]) .. ", "
    .. nodemask(c, a[4], a[2])
end))
U.call("get_mempolicy", U.printer(function() return "" end, function(c)
  local a = c._args
  local mode
  if a[1] == 0 then mode = "NULL"
  else
    local v = not U.failed(c) and U.read_i32(c, a[1])
    mode = v and ("[" .. U.enum_x("mempolicy_base", v, "MPOL_???") .. "]") or U.ptr(a[1])
  end
  local nm = U.failed(c) and a[2] ~= 0 and U.ptr(a[2]) or nodemask(c, a[2], a[3])
  return mode .. ", " .. nm .. ", " .. U.udec(a[3]) .. ", " .. U.ptr(a[4]) .. ", "
    .. U.set("get_mempolicy_flags", a[5])
end))

-- ---- old interfaces ---------------------------------------------------------------------------------

U.call("_sysctl", U.at_entry(function(c)
  local addr = c._args[1]
  local b = addr ~= 0 and U.readn(c, addr, 48)
  if not b then return U.ptr(addr) end
  return "{name=" .. U.ptr(U.get_u64(b, 0)) .. ", nlen=" .. U.get_i32(b, 2) .. ", oldval="
    .. U.ptr(U.get_u64(b, 2)) .. ", oldlenp=" .. U.ptr(U.get_u64(b, 3)) .. ", newval="
    .. U.ptr(U.get_u64(b, 4)) .. ", newlen=" .. U.udec(U.get_u64(b, 5)) .. "}"
end))

-- struct user_desc (set_thread_area, get_thread_area)
local function user_desc_text(b)
  local n, base, limit, f = U.get_u32(b, 0), U.get_u32(b, 1), U.get_u32(b, 2), U.get_u32(b, 3)
  local function bitf(sh, w) return band(bit.rshift(f, sh), 2 ^ w - 1) end
  return string.format("{entry_number=%d, base_addr=%#x, limit=%#x, seg_32bit=%d, contents=%d, "
    .. "read_exec_only=%d, limit_in_pages=%d, seg_not_present=%d, useable=%d, lm=%d}",
    n, base, limit, bitf(0, 1), bitf(1, 2), bitf(3, 1), bitf(4, 1), bitf(5, 1), bitf(6, 1), bitf(7, 1))
end
U.call("set_thread_area", U.at_entry(function(c)
  local addr = c._args[1]
  local b = addr ~= 0 and U.readn(c, addr, 16)
  return b and user_desc_text(b) or U.ptr(addr)
end))
U.call("get_thread_area", {
  entry = function(c)
    local addr = c._args[1]
    local n = addr ~= 0 and U.read_u32(c, addr)
    c._ud = n or false
    if not n then return U.ptr(addr) end
    return "{entry_number=" .. n
  end,
  exit = function(c)
    if not c._ud then return "" end
    local b = not U.failed(c) and U.readn(c, c._args[1], 16)
    if not b then return ", ...}" end
    local t = user_desc_text(b)
    local n = U.get_u32(b, 0)
    return (n ~= c._ud and (" => " .. n) or "") .. t:match("^{entry_number=%d+(.*)$")
  end,
})

return { symbolic_mode = symbolic_mode, dev32 = dev32, nodemask = nodemask }
