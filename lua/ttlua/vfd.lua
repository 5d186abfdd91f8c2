-- ttlua.vfd: virtual file descriptors, files that exist only in Lua.
--
--   local vfd = require "ttlua.vfd"      -- at the top of the policy (see below)
--   function P.openat(call)
--     if call.pathname == "/hello" then
--       return vfd({ read = function(self, n, off) return ("hi\n"):sub(off + 1, off + n) end })
--     end
--   end
--
-- A handler of a call that returns a new descriptor (open, openat, creat,
-- socket, accept4, memfd_create, eventfd2, ...) returns vfd(obj [, opts]).
-- ttlua reserves a real descriptor number in the tracee (an empty memfd,
-- made by injection: the kernel never hands the number out twice and
-- close-on-exec works as usual) and from then on
-- answers these calls on that number from obj's methods:
--   read write pread64 pwrite64 readv writev preadv pwritev preadv2 pwritev2
--   lseek fstat newfstatat(AT_EMPTY_PATH) statx(AT_EMPTY_PATH) close
--   close_range dup dup2 dup3 fcntl ioctl getdents64 getdents poll ppoll
--   select pselect6 mmap sendfile copy_file_range splice tee ftruncate fsync
--   fdatasync fadvise64 flock epoll_ctl
-- Calls on other descriptors go to the policy's own handler, or run natively.
-- Anything else done with the number (fchmod, fchown, a path through
-- /proc/self/fd/N or /dev/fd/N, which glibc's fchmodat(AT_SYMLINK_NOFOLLOW)
-- uses) reaches the placeholder memfd: it changes nothing outside it, but
-- the program sees the memfd's answer; a policy whose programs rely on such
-- calls answers them (memfs.lua does).
--
-- The object's methods (all optional; `file` is the open file description,
-- shared by dup'd numbers and by forked children: file.obj, file.flags
-- (O_ACCMODE|O_APPEND|O_NONBLOCK...), file.offset, file.path, file.call =
-- the call being answered).  A method returns its result, or a negative
-- errno (-E.EIO).  Methods run inside the handler: they may call
-- ttlua.sleep() and proc:syscall().
--   obj:read(n, offset, file)      -> string (shorter at the end, "" = EOF)
--   obj:write(data, offset, file)  -> bytes written
--   obj:size(file)                 -> the size, for SEEK_END, O_APPEND, stat
--   obj:stat(file)                 -> table of struct stat fields; defaults
--                                     fill the rest (st_mode: a regular file,
--                                     a directory when obj:getdents exists)
--   obj:getdents(file)             -> list of { name =, type = "file"|"dir"|
--                                     "link"|DT number, ino = } (whole list;
--                                     ttlua keeps the position)
--   obj:lseek(offset, whence, file)-> new offset (replaces the default)
--   obj:poll(events, file)         -> revents now (default: always ready to
--                                     read and write, like a regular file)
--   obj:ioctl(request, argp, file) (default -ENOTTY)
--   obj:fcntl(cmd, arg, file)      for commands other than F_DUPFD*,
--                                     F_GETFD/F_SETFD, F_GETFL/F_SETFL
--   obj:mmap(call, file)           (default -ENODEV; vfd.map_copy helps)
--   obj:truncate(length, file)     (default -EINVAL)
--   obj:fsync(file)                (default -EINVAL)
--   obj:close(file)                when the last descriptor of it is closed
--                                     (close, dup2 over it, exec, exit)
--   obj.stream = true              a pipe or socket: no offset (lseek and
--                                     pread give ESPIPE)
-- A missing read/write answers EINVAL (EISDIR for a directory), a missing
-- getdents ENOTDIR: what the kernel says for a file that cannot do it.
--
-- opts: { flags = status flags (default: from the call's flags), cloexec =
-- bool (default: O_CLOEXEC/SOCK_CLOEXEC/MFD_CLOEXEC in the call), path = name }.
--
-- Semantics follow the kernel: fork copies the table (the child shares the
-- descriptions, and so the offsets), clone(CLONE_FILES) shares it, exec
-- drops close-on-exec descriptors (ttlua asks the kernel which survived),
-- dup'd numbers share one object and one offset.
--
-- The policy must load this module when it loads (`local vfd = require
-- "ttlua.vfd"` or `local vfd = ttlua.vfd` at its top): ttlua then makes the
-- seccomp filter stop the calls above, which costs one stop per read and
-- write of the whole program.  A poll or select that must wait on a virtual
-- descriptor re-checks it every 20 ms.
local ffi = require "ffi"
local bit = require "bit"
local core = require "ttlua.core"
local engine = require "ttlua.engine"
local ttlua = require "ttlua"

local band, bor, bnot, tobit = bit.band, bit.bor, bit.bnot, bit.tobit
local ACT = core.ACT
local E = ttlua.errno

if engine.filter_built then
  error("ttlua.vfd must be loaded when the policy loads (put `local vfd = require"
    .. " \"ttlua.vfd\"` at its top), so that ttlua traces the calls on virtual descriptors", 2)
end

pcall(ffi.cdef, [[
unsigned int getuid(void);
unsigned int getgid(void);
]])

local M = {}

-- ---- constants (x86_64 ABI) -------------------------------------------------
local O_ACCMODE, O_RDONLY, O_WRONLY, O_RDWR = 3, 0, 1, 2
local O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC = 0x40, 0x80, 0x100, 0x200
local O_APPEND, O_NONBLOCK, O_LARGEFILE, O_CLOEXEC, O_PATH = 0x400, 0x800, 0x8000, 0x80000, 0x200000
local SETFL_MASK = bor(O_APPEND, O_NONBLOCK, 0x2000, 0x4000, 0x40000) -- +ASYNC DIRECT NOATIME
local AT_EMPTY_PATH = 0x1000
local MFD_CLOEXEC = 1
local S_IFREG, S_IFDIR, S_IFIFO = 0x8000, 0x4000, 0x1000
local DT = { file = 8, dir = 4, link = 10, fifo = 1, sock = 12, chr = 2, blk = 6 }
local POLLIN, POLLPRI, POLLOUT = 0x1, 0x2, 0x4
local POLLERR, POLLHUP, POLLNVAL = 0x8, 0x10, 0x20
local POLLRDNORM, POLLWRNORM = 0x40, 0x100
local DEFAULT_POLLMASK = bor(POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM)
local F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD_CLOEXEC = 0, 1, 2, 3, 4, 1030
local FIONBIO, FIONCLEX, FIOCLEX = 0x5421, 0x5450, 0x5451
local MAP_SHARED, MAP_PRIVATE, MAP_ANONYMOUS, MAP_TYPE = 1, 2, 0x20, 0xf
local PROT_WRITE = 2
local CLOSE_RANGE_UNSHARE = 2
local VFD_DEV = 0x7466 -- st_dev of virtual files ("tf")
local SLICE = 0.02     -- how often a waiting poll/select re-checks virtual descriptors

local function s32(v) return tobit(v) end

-- ---- open file descriptions ---------------------------------------------------
local Desc = {}
Desc.__index = Desc
local next_ino = 1

local function report(what, err)
  io.stderr:write("ttlua: vfd: ", what, ": ", tostring(err), "\n")
end

function Desc:retain()
  self.refs = self.refs + 1
end

function Desc:release()
  self.refs = self.refs - 1
  if self.refs > 0 or self.closed then return end
  self.closed = true
  local obj = self.obj
  if obj.close then
    local ok, err = pcall(obj.close, obj, self)
    if not ok then report("close of " .. tostring(self.path or "a virtual file"), err) end
  end
end

local function new_desc(obj, flags, path)
  next_ino = next_ino + 1
  return setmetatable({
    obj = obj, flags = flags, offset = 0, refs = 1, path = path, ino = next_ino,
    stream = obj.stream and true or false, created = os.time(),
  }, Desc)
end

-- The description behind fd in proc, or nil.
function M.get(proc, fd)
  return proc.files:get(fd)
end

-- ---- creating ----------------------------------------------------------------
local Marker = {}
Marker.__index = Marker

-- vfd(obj [, opts]): what a handler returns to create a virtual descriptor.
function M.new(obj, opts)
  if type(obj) ~= "table" and type(obj) ~= "userdata" then
    error("vfd(obj): obj must be a table of methods, not a " .. type(obj), 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("vfd(obj, opts): opts must be a table", 2)
  end
  return setmetatable({ obj = obj, opts = opts or {} }, Marker)
end

function M.is_marker(v)
  return getmetatable(v) == Marker
end

-- Status flags and close-on-exec of the new descriptor, from the call.
local function flags_of(call, opts)
  local name = call.name
  local flags, cloexec
  if name == "open" or name == "openat" or name == "creat" or name == "openat2" then
    local f
    if name == "creat" then
      f = bor(O_CREAT, O_WRONLY, O_TRUNC)
    elseif name == "openat2" then
      local b = call.proc:read(call.args[3], 8)
      f = b and #b == 8 and tonumber(ffi.cast("const uint64_t *", b)[0]) or 0
    else
      f = call.args[call.spec.argi.flags]
    end
    f = band(f, 0xffffffff)
    cloexec = band(f, O_CLOEXEC) ~= 0
    flags = bor(band(f, bnot(bor(O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC, O_CLOEXEC))), O_LARGEFILE)
  elseif name == "memfd_create" then
    cloexec = band(call.args[2], 1) ~= 0 -- MFD_CLOEXEC
    flags = bor(O_RDWR, O_LARGEFILE)
  else
    -- socket's type, accept4/eventfd2/...'s flags: SOCK_CLOEXEC == O_CLOEXEC,
    -- SOCK_NONBLOCK == O_NONBLOCK
    local i = call.spec.argi.type or call.spec.argi.flags
    local f = i and band(call.args[i], 0xffffffff) or 0
    cloexec = band(f, O_CLOEXEC) ~= 0
    flags = bor(O_RDWR, band(f, O_NONBLOCK))
  end
  if opts.flags then flags = opts.flags end
  if opts.cloexec ~= nil then cloexec = opts.cloexec and true or false end
  return flags, cloexec
end

-- Reserve a descriptor number in the tracee and record the description.
local function create(call, marker)
  if call.spec.ret ~= "fd" then
    error(("vfd() answers calls that return a new descriptor (open, socket, ...), not %s")
      :format(call.name), 0)
  end
  local flags, cloexec = flags_of(call, marker.opts)
  local proc = call.proc
  -- a private memfd: whatever the kernel is asked to do to it (fchmod by
  -- way of /proc/self/fd/N, a write through a re-opened path) stays in it
  local fd = proc:syscall("memfd_create", "ttlua-vfd", cloexec and MFD_CLOEXEC or 0)
  if fd >= 0 then
    local path = marker.opts.path
    if path == nil and call.spec.argi.pathname then path = call.pathname end
    proc.files:set(fd, new_desc(marker.obj, flags, path))
  end
  rawset(call, "result", fd)
  return ACT.RETURN, fd
end

local prev_table_result = engine.return_types.table
engine.return_types.table = function(call, v)
  if getmetatable(v) == Marker then return create(call, v) end
  if prev_table_result then return prev_table_result(call, v) end
end

-- ---- helpers for the operations -----------------------------------------------
local function desc_of(call, i)
  return call.proc.files:get(s32(call.args[i]))
end

local function readable(d)
  local m = band(d.flags, O_ACCMODE)
  return band(d.flags, O_PATH) == 0 and (m == O_RDONLY or m == O_RDWR)
end
local function writable(d)
  local m = band(d.flags, O_ACCMODE)
  return band(d.flags, O_PATH) == 0 and (m == O_WRONLY or m == O_RDWR)
end

-- Call obj[name](obj, ...) with file.call set; a raised error is the
-- policy's: it propagates with its traceback.
local function invoke(d, call, name, ...)
  local obj = d.obj
  d.call = call
  local r, extra = obj[name](obj, ...)
  d.call = nil
  return r, extra
end

local function errno_result(r, what)
  if type(r) == "number" and r < 0 then return r end
  error(("vfd: %s returned %s; expected %s or a negative errno"):format(
    what, type(r) == "number" and tostring(r) or type(r),
    what:match("read") and "a string" or "a number"), 0)
end

local function size_of(d, call)
  local obj = d.obj
  if obj.size then return invoke(d, call, "size", d) end
  if obj.stat then
    local st = invoke(d, call, "stat", d)
    if type(st) == "table" then return st.st_size or 0 end
  end
  return 0
end

-- Read n bytes at off (nil: the file offset, which advances).
local function do_read(call, d, n, off)
  if not readable(d) then return -E.EBADF end
  local obj = d.obj
  if not obj.read then return obj.getdents and -E.EISDIR or -E.EINVAL end
  if off and d.stream then return -E.ESPIPE end
  if n < 0 then return -E.EINVAL end
  local at = off or d.offset
  local data = invoke(d, call, "read", math.min(n, 0x7ffff000), at, d)
  if type(data) ~= "string" then return errno_result(data, "obj:read") end
  if #data > n then data = data:sub(1, n) end
  if not off and not d.stream then d.offset = at + #data end
  return data
end

local function do_write(call, d, data, off)
  if not writable(d) then return -E.EBADF end
  local obj = d.obj
  if not obj.write then return -E.EINVAL end
  if off and d.stream then return -E.ESPIPE end
  local at = off or d.offset
  if not off and band(d.flags, O_APPEND) ~= 0 and not d.stream then at = size_of(d, call) end
  local n = invoke(d, call, "write", data, at, d)
  if type(n) ~= "number" then errno_result(n, "obj:write") end
  if n < 0 then return n end
  if not off and not d.stream then d.offset = at + n end
  return n
end

-- struct stat fields for d (defaults for what obj does not say).
function M.stat(d, call)
  local obj = d.obj
  local st = {}
  if obj.stat then
    local r = invoke(d, call, "stat", d)
    if type(r) ~= "table" then return errno_result(r, "obj:stat") end
    for k, v in pairs(r) do st[k] = v end
  end
  if st.st_size == nil then
    st.st_size = obj.size and invoke(d, call, "size", d) or 0
  end
  if st.st_mode == nil then
    st.st_mode = obj.getdents and bor(S_IFDIR, 493) or (d.stream and bor(S_IFIFO, 384))
      or bor(S_IFREG, 420)
  end
  st.st_dev = st.st_dev or VFD_DEV
  st.st_ino = st.st_ino or d.ino
  st.st_nlink = st.st_nlink or (obj.getdents and 2 or 1)
  st.st_uid = st.st_uid or tonumber(ffi.C.getuid())
  st.st_gid = st.st_gid or tonumber(ffi.C.getgid())
  st.st_blksize = st.st_blksize or 4096
  st.st_blocks = st.st_blocks or math.ceil(st.st_size / 512)
  st.st_atime = st.st_atime or d.created
  st.st_mtime = st.st_mtime or st.st_atime
  st.st_ctime = st.st_ctime or st.st_mtime
  return st
end

-- The same as struct statx.
function M.statx_of(st)
  local function ts(sec, nsec) return { tv_sec = sec or 0, tv_nsec = nsec or 0 } end
  return {
    stx_mask = 0x7ff, stx_blksize = st.st_blksize, stx_nlink = st.st_nlink,
    stx_uid = st.st_uid, stx_gid = st.st_gid, stx_mode = st.st_mode, stx_ino = st.st_ino,
    stx_size = st.st_size, stx_blocks = st.st_blocks,
    stx_atime = ts(st.st_atime, st.st_atime_nsec), stx_btime = ts(st.st_ctime, st.st_ctime_nsec),
    stx_ctime = ts(st.st_ctime, st.st_ctime_nsec), stx_mtime = ts(st.st_mtime, st.st_mtime_nsec),
    stx_rdev_major = bit.rshift(st.st_rdev or 0, 8), stx_rdev_minor = band(st.st_rdev or 0, 0xff),
    stx_dev_major = bit.rshift(st.st_dev, 8), stx_dev_minor = band(st.st_dev, 0xff),
  }
end

local function read_iov(call, addr, cnt)
  if cnt < 0 or cnt > 1024 then return nil, -E.EINVAL end
  if cnt == 0 then return {} end
  local b = call.proc:read(addr, 16 * cnt)
  if not b or #b < 16 * cnt then return nil, -E.EFAULT end
  local p = ffi.cast("const uint64_t *", b)
  local out = {}
  for i = 0, cnt - 1 do
    out[i + 1] = { base = tonumber(p[2 * i]), len = tonumber(p[2 * i + 1]) }
  end
  return out
end

local function iov_total(iov)
  local n = 0
  for _, v in ipairs(iov) do n = n + v.len end
  return n
end

-- ---- the operations ------------------------------------------------------------
local ops = {}

function ops.read(call)
  local d = desc_of(call, 1)
  local data = do_read(call, d, call.args[3], nil)
  if type(data) ~= "string" then return data end
  call.buf = data
  return #data
end

function ops.pread64(call)
  local d = desc_of(call, 1)
  local off = call.args[4]
  if off < 0 then return -E.EINVAL end
  local data = do_read(call, d, call.args[3], off)
  if type(data) ~= "string" then return data end
  call.buf = data
  return #data
end

function ops.write(call)
  local d = desc_of(call, 1)
  if not writable(d) then return -E.EBADF end
  local data = call.args[3] > 0 and call.proc:read(call.args[2], call.args[3]) or ""
  if not data then return -E.EFAULT end
  return do_write(call, d, data, nil)
end

function ops.pwrite64(call)
  local d = desc_of(call, 1)
  if not writable(d) then return -E.EBADF end
  if call.args[4] < 0 then return -E.EINVAL end
  local data = call.args[3] > 0 and call.proc:read(call.args[2], call.args[3]) or ""
  if not data then return -E.EFAULT end
  return do_write(call, d, data, call.args[4])
end

-- readv, preadv, preadv2: offset nil (or -1 for preadv2) = the file offset.
local function readv_at(call, off)
  local d = desc_of(call, 1)
  local iov, err = read_iov(call, call.args[2], s32(call.args[3]))
  if not iov then return err end
  local data = do_read(call, d, iov_total(iov), off)
  if type(data) ~= "string" then return data end
  call.iov = data
  return #data
end
function ops.readv(call) return readv_at(call, nil) end
function ops.preadv(call)
  if call.args[4] < 0 then return -E.EINVAL end
  return readv_at(call, call.args[4])
end
function ops.preadv2(call)
  local off = call.args[4]
  return readv_at(call, off ~= -1 and off or nil)
end

local function writev_at(call, off)
  local d = desc_of(call, 1)
  if not writable(d) then return -E.EBADF end
  local iov, err = read_iov(call, call.args[2], s32(call.args[3]))
  if not iov then return err end
  local parts = {}
  for i, v in ipairs(iov) do
    local b = v.len > 0 and call.proc:read(v.base, v.len) or ""
    if not b or #b < v.len then return -E.EFAULT end
    parts[i] = b
  end
  return do_write(call, d, table.concat(parts), off)
end
function ops.writev(call) return writev_at(call, nil) end
function ops.pwritev(call)
  if call.args[4] < 0 then return -E.EINVAL end
  return writev_at(call, call.args[4])
end
function ops.pwritev2(call)
  local off = call.args[4]
  return writev_at(call, off ~= -1 and off or nil)
end

function ops.lseek(call)
  local d = desc_of(call, 1)
  local off, whence = call.args[2], s32(call.args[3])
  if d.stream then return -E.ESPIPE end
  if d.obj.lseek then
    local r = invoke(d, call, "lseek", off, whence, d)
    if type(r) ~= "number" then errno_result(r, "obj:lseek") end
    if r >= 0 then d.offset = r end
    return r
  end
  local new
  if whence == 0 then new = off
  elseif whence == 1 then new = d.offset + off
  elseif whence == 2 then new = size_of(d, call) + off
  elseif whence == 3 or whence == 4 then -- SEEK_DATA, SEEK_HOLE
    local size = size_of(d, call)
    if off < 0 or off >= size then return -E.ENXIO end
    new = whence == 3 and off or size
  else
    return -E.EINVAL
  end
  if new < 0 then return -E.EINVAL end
  d.offset = new
  return new
end

function ops.fstat(call)
  local st = M.stat(desc_of(call, 1), call)
  if type(st) ~= "table" then return st end
  call.statbuf = st
  return 0
end

function ops.newfstatat(call)
  local st = M.stat(desc_of(call, 1), call)
  if type(st) ~= "table" then return st end
  call.statbuf = st
  return 0
end

function ops.statx(call)
  local st = M.stat(desc_of(call, 1), call)
  if type(st) ~= "table" then return st end
  call.statxbuf = M.statx_of(st)
  return 0
end

-- close: forget it, and let the kernel close the placeholder.
function ops.close(call)
  call.proc.files:drop(s32(call.args[1]))
end

function ops.close_range(call)
  local proc = call.proc
  local first, last = band(call.args[1], 0xffffffff), band(call.args[2], 0xffffffff)
  local flags = band(call.args[3], 0xffffffff)
  if first > last then return end
  local files = proc.files
  if band(flags, CLOSE_RANGE_UNSHARE) ~= 0 and files.users > 1 then
    local own = files:copy()
    files:leave()
    proc.files, files = own, own
  end
  if band(flags, 4) ~= 0 then return end -- CLOSE_RANGE_CLOEXEC: the kernel marks them
  local r = call:run()
  if r == 0 then
    for fd in pairs(files.fd) do
      if fd >= first and fd <= last then files:drop(fd) end
    end
  end
end

-- dup family: the kernel picks the number (its rules, its limits) on the
-- placeholder; the new number then names the same description.
local function after_dup(call, d, r)
  if r and r >= 0 then
    if d then
      d:retain()
      call.proc.files:set(r, d)
    else
      call.proc.files:drop(r)
    end
  end
end

function ops.dup(call)
  local d = desc_of(call, 1)
  after_dup(call, d, call:run())
end

local function dup2(call)
  local d = desc_of(call, 1)
  if s32(call.args[1]) == s32(call.args[2]) then return end
  after_dup(call, d, call:run())
end
ops.dup2, ops.dup3 = dup2, dup2

function ops.fcntl(call)
  local d = desc_of(call, 1)
  local cmd, arg = s32(call.args[2]), call.args[3]
  if cmd == F_DUPFD or cmd == F_DUPFD_CLOEXEC then
    after_dup(call, d, call:run())
    return
  end
  if cmd == F_GETFD or cmd == F_SETFD then return end -- the kernel keeps FD_CLOEXEC
  if cmd == F_GETFL then return d.flags end
  if cmd == F_SETFL then
    d.flags = bor(band(d.flags, bnot(SETFL_MASK)), band(arg, SETFL_MASK))
    return 0
  end
  if d.obj.fcntl then return invoke(d, call, "fcntl", cmd, arg, d) end
  return -E.EINVAL
end

function ops.ioctl(call)
  local d = desc_of(call, 1)
  local req, argp = band(call.args[2], 0xffffffff), call.args[3]
  if req == FIOCLEX or req == FIONCLEX then return end
  if d.obj.ioctl then return invoke(d, call, "ioctl", req, argp, d) end
  if req == FIONBIO then
    local b = call.proc:read(argp, 4)
    if not b or #b < 4 then return -E.EFAULT end
    local on = ffi.cast("const int32_t *", b)[0] ~= 0
    d.flags = on and bor(d.flags, O_NONBLOCK) or band(d.flags, bnot(O_NONBLOCK))
    return 0
  end
  return -E.ENOTTY
end

-- getdents64 / getdents: entries from obj:getdents(), from the position.
local function dirents(call, old)
  local d = desc_of(call, 1)
  local obj = d.obj
  if not obj.getdents then return -E.ENOTDIR end
  local list = invoke(d, call, "getdents", d)
  if type(list) ~= "table" then return errno_result(list, "obj:getdents") end
  local structs = require "ttlua.structs"
  local cap = band(call.args[3], 0xffffffff)
  local parts, used, pos = {}, 0, d.offset
  while pos < #list do
    local e = list[pos + 1]
    local ty = type(e.type) == "number" and e.type or DT[e.type] or 0
    local rec
    if old then
      -- linux_dirent: d_type is the record's last byte, after the name
      local name = e.name .. "\0"
      local len = math.ceil((18 + #name + 1) / 8) * 8
      rec = structs.encode("linux_dirent", { d_ino = e.ino or pos + 1, d_off = pos + 1,
        d_reclen = len, d_name = "" }):sub(1, 18) .. name
      rec = rec .. ("\0"):rep(len - #rec - 1) .. string.char(ty)
    else
      rec = structs.encode("linux_dirent64", { d_ino = e.ino or pos + 1, d_off = pos + 1,
        d_type = ty, d_name = e.name })
    end
    if used + #rec > cap then
      if used == 0 then return -E.EINVAL end
      break
    end
    parts[#parts + 1] = rec
    used = used + #rec
    pos = pos + 1
  end
  d.offset = pos
  if used > 0 then
    local n = call.proc:write(call.args[2], table.concat(parts))
    if n ~= used then return -E.EFAULT end
  end
  return used
end
function ops.getdents64(call) return dirents(call, false) end
function ops.getdents(call) return dirents(call, true) end

local function vfd_revents(call, d, events)
  local r
  if d.obj.poll then
    r = invoke(d, call, "poll", events, d)
    if type(r) ~= "number" then errno_result(r, "obj:poll") end
  else
    r = DEFAULT_POLLMASK
  end
  return band(r, bor(events, POLLERR, POLLHUP, POLLNVAL))
end

-- poll and ppoll.  Virtual entries are answered from their objects; the
-- others by the kernel, through the tracee's own array with the virtual
-- entries' fd set to -1 (which the kernel skips) and the waiting cut into
-- slices so that the virtual ones are re-checked.
local function poll_common(call, is_ppoll)
  local proc = call.proc
  local fdsp, nfds = call.args[1], band(call.args[2], 0xffffffff)
  local raw = proc:read(fdsp, 8 * nfds)
  if not raw or #raw < 8 * nfds then return -E.EFAULT end
  local arr = ffi.new("struct { int32_t fd; int16_t events; int16_t revents; }[?]", nfds)
  ffi.copy(arr, raw, 8 * nfds)
  local virt, nreal = {}, 0
  for i = 0, nfds - 1 do
    local d = arr[i].fd >= 0 and proc.files:get(arr[i].fd) or nil
    if d then virt[#virt + 1] = { i = i, d = d } elseif arr[i].fd >= 0 then nreal = nreal + 1 end
  end
  local deadline -- nil: wait forever
  if is_ppoll then
    local tp = call.args[3]
    if tp ~= 0 then
      local b = proc:read(tp, 16)
      if not b or #b < 16 then return -E.EFAULT end
      local t = ffi.cast("const int64_t *", b)
      deadline = engine.now() + tonumber(t[0]) + tonumber(t[1]) * 1e-9
    end
  else
    local ms = s32(call.args[3])
    if ms >= 0 then deadline = engine.now() + ms / 1000 end
  end
  local masked = ffi.new("struct { int32_t fd; int16_t events; int16_t revents; }[?]", nfds)
  ffi.copy(masked, arr, 8 * nfds)
  for _, v in ipairs(virt) do masked[v.i].fd = -1 end
  local masked_bytes = ffi.string(masked, 8 * nfds)
  while true do
    local ready = 0
    local rev = {}
    for k, v in ipairs(virt) do
      rev[k] = vfd_revents(call, v.d, arr[v.i].events)
      if rev[k] ~= 0 then ready = ready + 1 end
    end
    local left = deadline and math.max(0, deadline - engine.now()) or math.huge
    local slice = (ready > 0 or left <= 0) and 0 or math.min(left, SLICE)
    local r = 0
    if nreal > 0 or slice > 0 then
      if proc:write(fdsp, masked_bytes) ~= 8 * nfds then return -E.EFAULT end
      if is_ppoll then
        local sec = math.floor(slice)
        local ts = ffi.new("int64_t[2]", sec, math.floor((slice - sec) * 1e9))
        local tsaddr = proc:alloc(16)
        proc:write(tsaddr, ffi.string(ts, 16))
        r = proc:syscall("ppoll", fdsp, nfds, tsaddr, call.args[4], call.args[5])
      else
        r = proc:syscall("poll", fdsp, nfds, math.ceil(slice * 1000))
      end
    end
    -- put the virtual entries back, with their answers
    local now = proc:read(fdsp, 8 * nfds)
    if now and #now == 8 * nfds then ffi.copy(masked, now, 8 * nfds) end
    local total = 0
    for k, v in ipairs(virt) do
      masked[v.i].fd = arr[v.i].fd
      masked[v.i].revents = r >= 0 and rev[k] or 0
    end
    for i = 0, nfds - 1 do
      if masked[i].revents ~= 0 then total = total + 1 end
    end
    proc:write(fdsp, ffi.string(masked, 8 * nfds))
    if r < 0 then return r end
    if total > 0 or slice == 0 then return total end
    if deadline and engine.now() >= deadline then return 0 end
    for _, v in ipairs(virt) do masked[v.i].fd = -1 end
  end
end
function ops.poll(call) return poll_common(call, false) end
function ops.ppoll(call) return poll_common(call, true) end

-- select and pselect6, the same way with the three fd_sets.
local function select_common(call, is_pselect)
  local proc = call.proc
  local nfds = s32(call.args[1])
  if nfds < 0 then return -E.EINVAL end
  local nbytes = math.ceil(nfds / 64) * 8
  local sets, orig = {}, {}
  for k = 1, 3 do
    local p = call.args[k + 1]
    if p ~= 0 and nbytes > 0 then
      local b = proc:read(p, nbytes)
      if not b or #b < nbytes then return -E.EFAULT end
      orig[k] = b
      sets[k] = p
    end
  end
  local function isset(b, fd) return band(b:byte(bit.rshift(fd, 3) + 1), bit.lshift(1, band(fd, 7))) ~= 0 end
  local virt = {}
  for fd in pairs(proc.files.fd) do
    if fd < nfds then
      local want = 0
      if orig[1] and isset(orig[1], fd) then want = bor(want, POLLIN) end
      if orig[2] and isset(orig[2], fd) then want = bor(want, POLLOUT) end
      if orig[3] and isset(orig[3], fd) then want = bor(want, POLLPRI) end
      if want ~= 0 then virt[#virt + 1] = { fd = fd, want = want, d = proc.files:get(fd) } end
    end
  end
  local deadline
  local tp = call.args[5]
  if tp ~= 0 then
    local b = proc:read(tp, 16)
    if not b or #b < 16 then return -E.EFAULT end
    local t = ffi.cast("const int64_t *", b)
    deadline = engine.now() + tonumber(t[0]) + tonumber(t[1]) * (is_pselect and 1e-9 or 1e-6)
  end
  local bufs = {}
  local function setbit(k, fd, on)
    local buf = bufs[k]
    local i = bit.rshift(fd, 3)
    local m = bit.lshift(1, band(fd, 7))
    buf[i] = on and bor(buf[i], m) or band(buf[i], bnot(m))
  end
  while true do
    local rev, ready = {}, 0
    for j, v in ipairs(virt) do
      rev[j] = band(vfd_revents(call, v.d, v.want), bor(v.want, POLLERR, POLLHUP))
      if rev[j] ~= 0 then ready = ready + 1 end
    end
    local left = deadline and math.max(0, deadline - engine.now()) or math.huge
    local slice = (ready > 0 or left <= 0) and 0 or math.min(left, SLICE)
    for k = 1, 3 do
      if sets[k] then
        bufs[k] = ffi.new("uint8_t[?]", nbytes)
        ffi.copy(bufs[k], orig[k], nbytes)
        for _, v in ipairs(virt) do setbit(k, v.fd, false) end
        proc:write(sets[k], ffi.string(bufs[k], nbytes))
      end
    end
    local sec = math.floor(slice)
    local frac = slice - sec
    local tv = ffi.new("int64_t[2]", sec, math.floor(frac * (is_pselect and 1e9 or 1e6)))
    local tvaddr = proc:alloc(16)
    proc:write(tvaddr, ffi.string(tv, 16))
    local r
    if is_pselect then
      r = proc:syscall("pselect6", nfds, sets[1] or 0, sets[2] or 0, sets[3] or 0, tvaddr, call.args[6])
    else
      r = proc:syscall("select", nfds, sets[1] or 0, sets[2] or 0, sets[3] or 0, tvaddr)
    end
    if r < 0 then
      for k = 1, 3 do if sets[k] then proc:write(sets[k], orig[k]) end end
      return r
    end
    local total = r
    for k = 1, 3 do
      if sets[k] then
        local now = proc:read(sets[k], nbytes)
        if now then ffi.copy(bufs[k], now, nbytes) end
      end
    end
    local bitfor = { POLLIN, POLLOUT, POLLPRI }
    local errbits = bor(POLLERR, POLLHUP)
    for j, v in ipairs(virt) do
      for k = 1, 3 do
        if sets[k] and band(v.want, bitfor[k]) ~= 0 then
          local on = band(rev[j], bitfor[k]) ~= 0 or (k < 3 and band(rev[j], errbits) ~= 0)
          setbit(k, v.fd, on)
          if on then total = total + 1 end
        end
      end
    end
    for k = 1, 3 do
      if sets[k] then proc:write(sets[k], ffi.string(bufs[k], nbytes)) end
    end
    if total > 0 or slice == 0 then return total end
    if deadline and engine.now() >= deadline then return 0 end
  end
end
function ops.select(call) return select_common(call, false) end
function ops.pselect6(call) return select_common(call, true) end

function ops.mmap(call)
  local d = desc_of(call, 5)
  if d.obj.mmap then return invoke(d, call, "mmap", call, d) end
  return -E.ENODEV
end

-- A private mapping holding bytes, for obj:mmap: what a MAP_PRIVATE
-- mapping of a file shows (a MAP_SHARED writable one cannot be emulated:
-- ENODEV).
function M.map_copy(call, bytes)
  local a = call.args
  local prot, flags = s32(a[3]), s32(a[4])
  if band(flags, MAP_TYPE) ~= MAP_PRIVATE and band(prot, PROT_WRITE) ~= 0 then return -E.ENODEV end
  local off = a[6]
  local len = a[2]
  local nflags = bor(band(flags, bnot(MAP_TYPE)), MAP_PRIVATE, MAP_ANONYMOUS)
  local addr = call.proc:syscall("mmap", a[1], len, prot, nflags, -1, 0)
  if addr < 0 and addr > -4096 then return addr end
  local piece = bytes:sub(off + 1, off + len)
  if #piece > 0 then
    local n = core.C.ttl_mem_write_ro(call.proc.pid, addr, piece, #piece)
    if n ~= #piece then return -E.EFAULT end
  end
  return addr
end
M.MAP_SHARED = MAP_SHARED

function ops.sendfile(call)
  local proc = call.proc
  local out, din = desc_of(call, 1), desc_of(call, 2)
  if not din then return -E.EINVAL end -- from a real file into a virtual one
  local offp, count = call.args[3], call.args[4]
  local off
  if offp ~= 0 then
    local b = proc:read(offp, 8)
    if not b or #b < 8 then return -E.EFAULT end
    off = tonumber(ffi.cast("const int64_t *", b)[0])
  end
  local data = do_read(call, din, count, off)
  if type(data) ~= "string" then return data end
  local n
  if out then
    n = do_write(call, out, data, nil)
  elseif #data == 0 then
    n = 0
  else
    local addr = proc:alloc(#data)
    proc:write(addr, data)
    n = proc:syscall("write", s32(call.args[1]), addr, #data)
  end
  local used = n >= 0 and n or 0
  if off then
    proc:write(offp, ffi.string(ffi.new("int64_t[1]", off + used), 8))
  elseif not din.stream then
    din.offset = din.offset - #data + used
  end
  return n
end

function ops.copy_file_range() return -E.EXDEV end
function ops.splice() return -E.EINVAL end
function ops.tee() return -E.EINVAL end

function ops.ftruncate(call)
  local d = desc_of(call, 1)
  if not writable(d) or not d.obj.truncate then return -E.EINVAL end
  if call.args[2] < 0 then return -E.EINVAL end
  return invoke(d, call, "truncate", call.args[2], d)
end

local function fsync(call)
  local d = desc_of(call, 1)
  if d.obj.fsync then return invoke(d, call, "fsync", d) end
  return -E.EINVAL
end
ops.fsync, ops.fdatasync = fsync, fsync

function ops.fadvise64(call)
  return desc_of(call, 1).stream and -E.ESPIPE or 0
end

function ops.flock() return 0 end

function ops.epoll_ctl(call)
  if desc_of(call, 1) then return -E.EINVAL end
  return -E.EPERM -- like a regular file: it cannot be waited for with epoll
end

M.ops = ops

-- ---- routing ---------------------------------------------------------------------
-- Which calls are ours: a router per call, given the process and the raw
-- arguments (an int64_t[6]), returns the operation or nil.
local function on_fd(i, op)
  return function(proc, a)
    local files = proc.files
    if files.n == 0 then return nil end
    if files.fd[tobit(tonumber(a[i - 1]))] then return op end
    return nil
  end
end

local routers = {}
for _, name in ipairs({ "read", "write", "pread64", "pwrite64", "readv", "writev", "preadv",
  "pwritev", "preadv2", "pwritev2", "lseek", "fstat", "close", "dup", "fcntl", "ioctl",
  "getdents64", "getdents", "ftruncate", "fsync", "fdatasync", "fadvise64", "flock" }) do
  routers[name] = on_fd(1, ops[name])
end
routers.mmap = function(proc, a)
  if proc.files.n == 0 or band(tonumber(a[3]), MAP_ANONYMOUS) ~= 0 then return nil end
  if proc.files.fd[tobit(tonumber(a[4]))] then return ops.mmap end
end
local function either(i, j, op)
  return function(proc, a)
    local files = proc.files
    if files.n == 0 then return nil end
    if files.fd[tobit(tonumber(a[i - 1]))] or files.fd[tobit(tonumber(a[j - 1]))] then return op end
  end
end
routers.dup2 = either(1, 2, ops.dup2)
routers.dup3 = either(1, 2, ops.dup3)
routers.sendfile = either(1, 2, ops.sendfile)
routers.copy_file_range = either(1, 3, ops.copy_file_range)
routers.splice = either(1, 3, ops.splice)
routers.tee = either(1, 2, ops.tee)
routers.epoll_ctl = either(1, 3, ops.epoll_ctl)
-- fstatat-style: only the descriptor itself ("" with AT_EMPTY_PATH); a path
-- relative to a virtual directory is the policy's to answer.
local function empty_path(pathi, flagsi, op)
  return function(proc, a)
    if proc.files.n == 0 or not proc.files.fd[tobit(tonumber(a[0]))] then return nil end
    if band(tonumber(a[flagsi - 1]), AT_EMPTY_PATH) == 0 then return nil end
    local p = tonumber(a[pathi - 1])
    local s = p ~= 0 and core.readstr(proc.pid, p, 1) or ""
    if s == "" then return op end
  end
end
routers.newfstatat = empty_path(2, 4, ops.newfstatat)
routers.statx = empty_path(2, 3, ops.statx)
routers.close_range = function(proc, a)
  local files = proc.files
  if files.n == 0 and files.users == 1 then return nil end
  local first, last = band(tonumber(a[0]), 0xffffffff), band(tonumber(a[1]), 0xffffffff)
  if band(tonumber(a[2]), CLOSE_RANGE_UNSHARE) ~= 0 then return ops.close_range end
  for fd in pairs(files.fd) do
    if fd >= first and fd <= last then return ops.close_range end
  end
end
routers.poll = function(proc, a)
  local files = proc.files
  if files.n == 0 then return nil end
  local n = band(tonumber(a[1]), 0xffffffff)
  local raw = core.read(proc.pid, tonumber(a[0]), 8 * math.min(n, 65536))
  if not raw then return nil end
  local p = ffi.cast("const int32_t *", raw)
  for i = 0, math.floor(#raw / 8) - 1 do
    if files.fd[p[2 * i]] then return ops.poll end
  end
end
routers.ppoll = function(proc, a)
  return routers.poll(proc, a) and ops.ppoll or nil
end
routers.select = function(proc, a)
  local files = proc.files
  if files.n == 0 then return nil end
  local nfds = tobit(tonumber(a[0]))
  local nbytes = math.ceil(math.max(nfds, 0) / 64) * 8
  for k = 1, 3 do
    local p = tonumber(a[k])
    local b = p ~= 0 and nbytes > 0 and core.read(proc.pid, p, nbytes)
    if b then
      for fd in pairs(files.fd) do
        if fd < nfds and fd < #b * 8 and band(b:byte(bit.rshift(fd, 3) + 1), bit.lshift(1, band(fd, 7))) ~= 0 then
          return ops.select
        end
      end
    end
  end
end
routers.pselect6 = function(proc, a)
  return routers.select(proc, a) and ops.pselect6 or nil
end
M.routers = routers

-- Install: the filter stops every routed call; the engine asks the routers.
local sys = ttlua.syscalls
for name, router in pairs(routers) do
  local spec = sys.by_name[name]
  if spec then engine.routers[spec.nr] = router end
end
engine.filter_hooks[#engine.filter_hooks + 1] = function()
  for name in pairs(routers) do
    local spec = sys.by_name[name]
    if spec then core.C.ttl_filter_trace(spec.nr) end
  end
end

return setmetatable(M, {
  __call = function(_, obj, opts) return M.new(obj, opts) end,
})
