-- memfs.lua: an in-memory directory tree mounted at a prefix.
--
--   ttlua lua/examples/memfs.lua -- sh -c 'echo hi > /mem/a; cat /mem/a; ls /mem'
--   ttlua lua/examples/memfs.lua -- sqlite3 /mem/db 'create table t(x); select 1'
--   ttlua --arg prefix=/scratch lua/examples/memfs.lua -- tar -xf a.tar -C /scratch
--
-- Everything under the prefix lives in this policy's Lua tables and
-- nothing touches the disk: the prefix need not exist.  Files are opened
-- as virtual descriptors (ttlua.vfd), so read, write, lseek, fstat, mmap
-- (a private copy), dup, fork and exec behave as on a real file system.
--
-- Settings (--arg KEY=VALUE; anything else is refused):
--   prefix=PATH  where the tree is mounted (default /mem)
--   dump=1       print the tree on stderr at the end
--   stats=1      print "memfs: answered N calls, refused U, passed K" at the
--                end (K: calls naming the tree that went to the kernel, which
--                happens only for a symbolic link pointing out of the tree)
--
-- Answered from Lua, for paths in the tree and descriptors opened there:
-- open, openat, creat, stat, lstat, newfstatat, statx, access, faccessat,
-- faccessat2, mkdir, mkdirat, rmdir, unlink, unlinkat, rename, renameat,
-- renameat2 (NOREPLACE, EXCHANGE), truncate, ftruncate, fallocate, link,
-- linkat, symlink, symlinkat, readlink, readlinkat, chmod, fchmod,
-- fchmodat, chown, lchown, fchown, fchownat, utimensat (also futimens and
-- AT_EMPTY_PATH), utimes, utime, futimesat, statfs, fstatfs, fsync,
-- fdatasync, the *xattr family (user., trusted., security. names kept per
-- file; system. ones, POSIX ACLs, EOPNOTSUPP), fcntl record locks
-- (F_SETLK, F_SETLKW, F_OFD_*: always granted; F_GETLK says unlocked) and
-- flock (granted), and getdents64 on its directories.  A rename or link
-- between the tree and the disk fails with EXDEV, as between two file
-- systems, so mv copies.  Modes, owners and times are kept and shown, not
-- enforced (but chown to another user needs root, and new files get the
-- process's umask).  Symbolic links are followed inside the tree; one that
-- points out of it sends the call, on the target, to the kernel.  Any other
-- call naming the tree (chdir, execve, mknod, ...) fails with EOPNOTSUPP
-- instead of reaching the disk.  The tree is one for all traced processes
-- (a file system, not per-process state).
local ttlua = require "ttlua"
local vfd = require "ttlua.vfd"
local Proc = require "ttlua.proc"
local ffi = require "ffi"
local bit = require "bit"

local E = ttlua.errno
local band, bor, bnot = bit.band, bit.bor, bit.bnot

local args = ttlua.args
for k in pairs(args) do
  if k ~= "prefix" and k ~= "dump" and k ~= "stats" then
    error(("memfs: unknown setting %s (known: prefix, dump, stats)"):format(k), 0)
  end
end
for _, k in ipairs({ "dump", "stats" }) do
  if args[k] and args[k] ~= "0" and args[k] ~= "1" then
    error(("memfs: %s=%s: expected 0 or 1"):format(k, args[k]), 0)
  end
end
if args.prefix and args.prefix:sub(1, 1) ~= "/" then
  error("memfs: prefix=" .. args.prefix .. " must be an absolute path", 0)
end
local PREFIX = Proc.clean_path(args.prefix or "/mem")
if PREFIX == "/" then error("memfs: prefix=/ would hide the whole file system", 0) end

local O_ACCMODE, O_WRONLY, O_CREAT, O_EXCL, O_TRUNC = 3, 1, 0x40, 0x80, 0x200
local O_DIRECTORY, O_NOFOLLOW, O_PATH = 0x10000, 0x20000, 0x200000
local TYPE = { file = 0x8000, dir = 0x4000, link = 0xa000 }
local AT_FDCWD, AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR = -100, 0x100, 0x200
local AT_SYMLINK_FOLLOW, AT_EMPTY_PATH = 0x400, 0x1000
local RENAME_NOREPLACE, RENAME_EXCHANGE = 1, 2
local UTIME_NOW, UTIME_OMIT = 0x3fffffff, 0x3ffffffe
local XATTR_CREATE, XATTR_REPLACE = 1, 2
local F_GETLK, F_SETLK, F_SETLKW = 5, 6, 7
local F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW = 36, 37, 38
local F_UNLCK = 2
local FALLOC_FL_KEEP_SIZE, FALLOC_FL_PUNCH_HOLE = 1, 2
local TMPFS_MAGIC = 0x01021994

pcall(ffi.cdef, [[
unsigned int getuid(void);
unsigned int getgid(void);
]])
local tsbuf = ffi.new("int64_t[2]")
local function now()
  ffi.C.clock_gettime(0, tsbuf)
  return { tonumber(tsbuf[0]), tonumber(tsbuf[1]) }
end

local stats = { answered = 0, refused = 0, passed = 0 }

-- ---- the tree -------------------------------------------------------------
local next_ino = 1
local function node(kind, mode, proc)
  next_ino = next_ino + 1
  local t = now()
  local uid, gid = tonumber(ffi.C.getuid()), tonumber(ffi.C.getgid())
  if proc then
    -- the process's own ids (its fsuid/fsgid), as the kernel would use
    local s = io.open(("/proc/%d/status"):format(proc.pid))
    local text = s and s:read("*a") or ""
    if s then s:close() end
    uid = tonumber(text:match("\nUid:%s+%d+%s+%d+%s+%d+%s+(%d+)")) or uid
    gid = tonumber(text:match("\nGid:%s+%d+%s+%d+%s+%d+%s+(%d+)")) or gid
  end
  return { kind = kind, ino = next_ino, data = kind == "file" and "" or nil,
           children = kind == "dir" and {} or nil, mode = mode, uid = uid, gid = gid,
           links = 1, atime = t, mtime = t, ctime = t, xattr = {} }
end
local root = node("dir", 493)

local function touch(n, what) -- what: "m" content and status changed, "c" status only
  local t = now()
  if what == "m" then n.mtime = t end
  n.ctime = t
end

-- The process's umask (for new files and directories).
local function umask(proc)
  local s = io.open(("/proc/%d/status"):format(proc.pid))
  if not s then return 18 end
  local text = s:read("*a")
  s:close()
  return tonumber(text:match("Umask:%s*(%d+)") or "022", 8)
end

-- The memfs part of an absolute path ("" for the root), or nil.
local function inside(abs)
  if not abs then return nil end
  if abs == PREFIX then return "" end
  if abs:sub(1, #PREFIX + 1) == PREFIX .. "/" then return abs:sub(#PREFIX + 2) end
  return nil
end

-- Walk rel from the root, following symbolic links (the last one only
-- when follow).  Returns node, parent directory, last name (node nil when
-- only the parent exists); or nil, nil, nil, -errno; or nil, nil, nil,
-- nil, ABS when a link leads out of the tree (ABS: the path on the disk).
local function resolve(rel, follow, depth)
  depth = depth or 0
  local segs = {}
  for seg in rel:gmatch("[^/]+") do segs[#segs + 1] = seg end
  local cur, parent, name = root, nil, nil
  local walked = {}
  for i, seg in ipairs(segs) do
    if not cur then return nil, nil, nil, -E.ENOENT end
    if cur.kind ~= "dir" then return nil, nil, nil, -E.ENOTDIR end
    parent, name = cur, seg
    cur = cur.children[seg]
    if cur and cur.kind == "link" and (i < #segs or follow) then
      if depth >= 40 then return nil, nil, nil, -E.ELOOP end
      local t = cur.target
      local base = PREFIX .. (#walked > 0 and "/" .. table.concat(walked, "/") or "")
      local abs = t:sub(1, 1) == "/" and t or base .. "/" .. t
      local rest = table.concat(segs, "/", i + 1)
      abs = Proc.clean_path(rest ~= "" and abs .. "/" .. rest or abs)
      local r = inside(abs)
      if not r then return nil, nil, nil, nil, abs end
      return resolve(r, follow, depth + 1)
    end
    walked[#walked + 1] = seg
  end
  return cur, parent, name
end

local function nlink(n)
  if n.kind ~= "dir" then return n.links end
  local k = 2
  for _, c in pairs(n.children) do
    if c.kind == "dir" then k = k + 1 end
  end
  return k
end

local function stat_of(n)
  local size = n.kind == "dir" and 4096 or n.kind == "link" and #n.target or #n.data
  return {
    st_dev = 0x6d65, st_ino = n.ino, st_mode = bor(TYPE[n.kind], n.mode), st_nlink = nlink(n),
    st_uid = n.uid, st_gid = n.gid, st_size = size, st_blksize = 4096,
    st_blocks = math.ceil(size / 4096) * 8,
    st_atime = n.atime[1], st_atime_nsec = n.atime[2], st_mtime = n.mtime[1],
    st_mtime_nsec = n.mtime[2], st_ctime = n.ctime[1], st_ctime_nsec = n.ctime[2],
  }
end

-- ---- open files and directories (virtual descriptors) ------------------------
local File = {}
File.__index = File
function File:read(n, off)
  self.node.atime = now()
  return self.node.data:sub(off + 1, off + n)
end
function File:write(s, off)
  local d = self.node.data
  if off > #d then d = d .. ("\0"):rep(off - #d) end
  self.node.data = d:sub(1, off) .. s .. d:sub(off + #s + 1)
  touch(self.node, "m")
  return #s
end
function File:size() return #self.node.data end
function File:stat() return stat_of(self.node) end
local function truncate(n, len)
  local d = n.data
  n.data = len <= #d and d:sub(1, len) or d .. ("\0"):rep(len - #d)
  touch(n, "m")
  return 0
end
function File:truncate(len) return truncate(self.node, len) end
function File.fsync() return 0 end
function File:mmap(call) return vfd.map_copy(call, self.node.data) end
-- Record locks: one process at a time uses the tree's files in the cases
-- this example is for, so every lock is granted and F_GETLK finds none.
function File.fcntl(_, cmd, arg, file)
  if cmd == F_SETLK or cmd == F_SETLKW or cmd == F_OFD_SETLK or cmd == F_OFD_SETLKW then
    return 0
  end
  if cmd == F_GETLK or cmd == F_OFD_GETLK then
    local n = file.call.proc:write(arg, ffi.string(ffi.new("int16_t[1]", F_UNLCK), 2))
    return n == 2 and 0 or -E.EFAULT
  end
  return -E.EINVAL
end

local Dir = {}
Dir.__index = Dir
function Dir:stat() return stat_of(self.node) end
function Dir.fsync() return 0 end
function Dir:getdents()
  local names = {}
  for name in pairs(self.node.children) do names[#names + 1] = name end
  table.sort(names)
  local list = { { name = ".", type = "dir", ino = self.node.ino }, { name = "..", type = "dir" } }
  for _, name in ipairs(names) do
    local c = self.node.children[name]
    list[#list + 1] = { name = name, type = c.kind, ino = c.ino }
  end
  return list
end

-- An O_PATH descriptor of a symbolic link (open(O_PATH|O_NOFOLLOW)).
local Link = {}
Link.__index = Link
function Link:stat() return stat_of(self.node) end

-- The node behind a descriptor opened in the tree, or nil.
local function fd_node(proc, fd)
  local d = type(fd) == "number" and fd >= 0 and vfd.get(proc, fd)
  return d and type(d.obj) == "table" and d.obj.memfs_node or nil
end

-- ---- path-based calls ---------------------------------------------------------
local P = {}

-- The memfs path a call's (dirfd, path) names, or nil when it is not ours.
-- A path relative to an open memfs directory resolves in the tree.  When
-- a path only passes through the tree ("/mem/.." is "/"), the second
-- result is the path the kernel should get instead.
local function ours(call, path, dirfd)
  if type(path) ~= "string" then return nil end
  local abs
  if dirfd and dirfd ~= AT_FDCWD and path:sub(1, 1) ~= "/" then
    local d = vfd.get(call.proc, dirfd)
    if d and type(d.obj) == "table" and d.obj.memfs_path then
      abs = Proc.clean_path(d.obj.memfs_path .. "/" .. path)
    end
  end
  abs = abs or call.proc:abspath(path, dirfd)
  local rel = inside(abs)
  if rel then return rel end
  if abs and path:sub(1, #PREFIX + 1) == PREFIX .. "/" then return nil, abs end
  return nil
end

-- A path that names an open descriptor of the process ("/proc/self/fd/N",
-- "/dev/fd/N"): the kernel would follow it to the virtual descriptor's
-- placeholder (/dev/null), so for a virtual descriptor the result is its
-- description (nil for any other path).
local function via_fd(call, path, dirfd)
  if type(path) ~= "string" then return nil end
  local abs = call.proc:abspath(path, dirfd)
  if not abs then return nil end
  local who, fd = abs:match("^/proc/([%w-]+)/fd/(%d+)$")
  if not who then fd = abs:match("^/dev/fd/(%d+)$") end
  if not fd then return nil end
  if who and who ~= "self" and who ~= "thread-self" and tonumber(who) ~= call.proc.pid
    and tonumber(who) ~= call.tid then
    return nil
  end
  return vfd.get(call.proc, tonumber(fd))
end

-- A handler for a call with a path argument: fn(call, node, parent, name,
-- err, rel) answers it when the path is in the tree (node nil: only the
-- parent exists, or err says why not).  follow(call) says whether a
-- symbolic link as the last component is followed (default: yes).  An
-- empty path with AT_EMPTY_PATH in argument flagsarg (true: always), or a
-- NULL path when nullfd,
-- names the descriptor dirfd itself.
local function on_path(pathname, dirfd, fn, follow, flagsarg, nullfd)
  return function(call)
    local path = call[pathname]
    local fdnum = dirfd and call[dirfd]
    if fdnum and ((path == "" and flagsarg
          and (flagsarg == true or band(call[flagsarg], AT_EMPTY_PATH) ~= 0))
        or (nullfd and call.args[call.spec.argi[pathname]] == 0)) then
      local n = fd_node(call.proc, fdnum)
      if not n then return end
      stats.answered = stats.answered + 1
      return fn(call, n, nil, nil, nil, nil)
    end
    local d = via_fd(call, path, fdnum)
    if d then
      local n = type(d.obj) == "table" and d.obj.memfs_node
      if not n then -- another policy's virtual file: not the placeholder
        stats.refused = stats.refused + 1
        return -E.EOPNOTSUPP
      end
      stats.answered = stats.answered + 1
      return fn(call, n, nil, nil, nil, d.obj.memfs_path and inside(d.obj.memfs_path))
    end
    local rel, other = ours(call, path, fdnum)
    if not rel then
      if other then call[pathname] = other end
      return
    end
    local n, parent, name, err, outside = resolve(rel, follow == nil or follow(call))
    if outside then
      stats.passed = stats.passed + 1
      call[pathname] = outside
      return
    end
    stats.answered = stats.answered + 1
    return fn(call, n, parent, name, err, rel)
  end
end

local function no_follow_flag(call) return band(call.flags, AT_SYMLINK_NOFOLLOW) == 0 end
local function never() return false end

-- A handler for a call on a descriptor: fn(call, node) when it is one of
-- the tree's.
local function on_fd(fn)
  return function(call)
    local n = fd_node(call.proc, call.fd)
    if not n then return end
    stats.answered = stats.answered + 1
    return fn(call, n)
  end
end

local function open_node(call, n, parent, name, err, rel, flags, mode)
  if err then return err end
  if n and band(flags, O_CREAT) ~= 0 and band(flags, O_EXCL) ~= 0 then return -E.EEXIST end
  if not n then
    if band(flags, O_CREAT) == 0 then return -E.ENOENT end
    if band(flags, O_DIRECTORY) ~= 0 then return -E.EINVAL end
    if not parent then return -E.ENOENT end
    n = node("file", band(mode or 420, bnot(umask(call.proc)), 4095), call.proc)
    parent.children[name] = n
    touch(parent, "m")
  end
  local path = PREFIX .. (rel and rel ~= "" and "/" .. rel or "")
  if n.kind == "link" then -- only reached with O_NOFOLLOW
    if band(flags, O_PATH) == 0 then return -E.ELOOP end
    return vfd(setmetatable({ node = n, memfs_node = n }, Link), { path = path })
  end
  if n.kind == "dir" then
    if band(flags, O_ACCMODE) ~= 0 and band(flags, O_PATH) == 0 then return -E.EISDIR end
    return vfd(setmetatable({ node = n, memfs_node = n, memfs_path = path }, Dir), { path = path })
  end
  if band(flags, O_DIRECTORY) ~= 0 then return -E.ENOTDIR end
  if band(flags, O_TRUNC) ~= 0 and band(flags, O_ACCMODE) ~= 0 and #n.data > 0 then truncate(n, 0) end
  return vfd(setmetatable({ node = n, memfs_node = n }, File), { path = path })
end

local function open_follow(call)
  local f = call.flags
  return band(f, O_NOFOLLOW) == 0 and not (band(f, O_CREAT) ~= 0 and band(f, O_EXCL) ~= 0)
end
P.openat = on_path("pathname", "dirfd", function(call, n, parent, name, err, rel)
  return open_node(call, n, parent, name, err, rel, call.flags, call.mode)
end, open_follow)
P.open = on_path("pathname", nil, function(call, n, parent, name, err, rel)
  return open_node(call, n, parent, name, err, rel, call.flags, call.mode)
end, open_follow)
P.creat = on_path("pathname", nil, function(call, n, parent, name, err, rel)
  return open_node(call, n, parent, name, err, rel, bor(O_CREAT, O_WRONLY, O_TRUNC), call.mode)
end)

local function need(n, err) return n and 0 or err or -E.ENOENT end

local function stat_path(call, n, _, _, err)
  if not n then return need(n, err) end
  call.statbuf = stat_of(n)
  return 0
end
P.stat = on_path("pathname", nil, stat_path)
P.lstat = on_path("pathname", nil, stat_path, never)
local newfstatat = on_path("pathname", "dirfd", stat_path, no_follow_flag)
function P.newfstatat(call)
  if call.pathname == "" and band(call.flags, AT_EMPTY_PATH) ~= 0 then return end -- fd: vfd's
  return newfstatat(call)
end
local statx = on_path("pathname", "dirfd", function(call, n, _, _, err)
  if not n then return need(n, err) end
  call.statxbuf = vfd.statx_of(stat_of(n))
  return 0
end, no_follow_flag)
function P.statx(call)
  if call.pathname == "" and band(call.flags, AT_EMPTY_PATH) ~= 0 then return end
  return statx(call)
end

-- access: existence, and X_OK needs an execute bit (for root too, as the
-- kernel); modes are not enforced otherwise.
local function access(call, n, _, _, err)
  if not n then return need(n, err) end
  if band(call.mode, 1) ~= 0 and n.kind ~= "dir" and band(n.mode, 73) == 0 then return -E.EACCES end
  return 0
end
P.access = on_path("pathname", nil, access)
P.faccessat = on_path("pathname", "dirfd", access)
P.faccessat2 = on_path("pathname", "dirfd", access, no_follow_flag, "flags")

local function make_dir(call, n, parent, name, err)
  if err then return err end
  if n then return -E.EEXIST end
  if not parent then return -E.ENOENT end
  parent.children[name] = node("dir", band(call.mode, bnot(umask(call.proc)), 4095), call.proc)
  touch(parent, "m")
  return 0
end
P.mkdir = on_path("pathname", nil, make_dir, never)
P.mkdirat = on_path("pathname", "dirfd", make_dir, never)

local function remove(n, parent, name, err, want_dir)
  if not n then return need(n, err) end
  if not parent then return -E.EBUSY end -- the root
  if want_dir then
    if n.kind ~= "dir" then return -E.ENOTDIR end
    if next(n.children) then return -E.ENOTEMPTY end
  elseif n.kind == "dir" then
    return -E.EISDIR
  end
  parent.children[name] = nil
  n.links = n.links - 1
  touch(parent, "m")
  touch(n, "c")
  return 0
end
P.unlink = on_path("pathname", nil, function(_, n, p, name, err) return remove(n, p, name, err, false) end, never)
P.rmdir = on_path("pathname", nil, function(_, n, p, name, err) return remove(n, p, name, err, true) end, never)
P.unlinkat = on_path("pathname", "dirfd", function(call, n, p, name, err)
  return remove(n, p, name, err, band(call.flags, AT_REMOVEDIR) ~= 0)
end, never)

-- Is a inside b's subtree (or b itself)?
local function within(a, b)
  if a == b then return true end
  if b.kind ~= "dir" then return false end
  for _, c in pairs(b.children) do
    if within(a, c) then return true end
  end
  return false
end

-- Two (dirfd, path) arguments: both in the tree -> rel, rel; one only ->
-- EXDEV; neither -> nil (the kernel's).
local function pair(call, p1, d1, p2, d2)
  local a, ao = ours(call, call[p1], d1 and call[d1])
  local b, bo = ours(call, call[p2], d2 and call[d2])
  if ao then call[p1] = ao end
  if bo then call[p2] = bo end
  if not a and not b then return nil end
  stats.answered = stats.answered + 1
  if not a or not b then return -E.EXDEV end
  return a, b
end

local function rename(from, to, flags)
  if band(flags, bnot(bor(RENAME_NOREPLACE, RENAME_EXCHANGE))) ~= 0
    or band(flags, RENAME_NOREPLACE) ~= 0 and band(flags, RENAME_EXCHANGE) ~= 0 then
    return -E.EINVAL
  end
  local n, parent, name, err = resolve(from, false)
  if not n then return need(n, err) end
  if not parent then return -E.EBUSY end
  local old, tparent, tname, terr = resolve(to, false)
  if terr then return terr end
  if not tparent then return -E.EBUSY end -- the root
  if old == n then return 0 end
  if band(flags, RENAME_EXCHANGE) ~= 0 then
    if not old then return -E.ENOENT end
    if within(tparent, n) or within(parent, old) then return -E.EINVAL end
    parent.children[name], tparent.children[tname] = old, n
    touch(parent, "m"); touch(tparent, "m"); touch(n, "c"); touch(old, "c")
    return 0
  end
  if old and band(flags, RENAME_NOREPLACE) ~= 0 then return -E.EEXIST end
  if n.kind == "dir" and within(tparent, n) then return -E.EINVAL end -- into itself
  if old then
    if old.kind == "dir" and n.kind ~= "dir" then return -E.EISDIR end
    if old.kind ~= "dir" and n.kind == "dir" then return -E.ENOTDIR end
    if old.kind == "dir" and next(old.children) then return -E.ENOTEMPTY end
    old.links = old.links - 1
    touch(old, "c")
  end
  parent.children[name] = nil
  tparent.children[tname] = n
  touch(parent, "m"); touch(tparent, "m"); touch(n, "c")
  return 0
end
function P.rename(call)
  local a, b = pair(call, "oldpath", nil, "newpath", nil)
  if b then return rename(a, b, 0) end
  return a
end
function P.renameat(call)
  local a, b = pair(call, "oldpath", "olddirfd", "newpath", "newdirfd")
  if b then return rename(a, b, 0) end
  return a
end
function P.renameat2(call)
  local a, b = pair(call, "oldpath", "olddirfd", "newpath", "newdirfd")
  if b then return rename(a, b, call.flags) end
  return a
end

local function link(from, to, follow)
  local n, _, _, err, out = resolve(from, follow)
  if out then return -E.EXDEV end
  if not n then return need(n, err) end
  if n.kind == "dir" then return -E.EPERM end
  local old, tparent, tname, terr = resolve(to, false)
  if terr then return terr end
  if old then return -E.EEXIST end
  if not tparent then return -E.ENOENT end
  tparent.children[tname] = n
  n.links = n.links + 1
  touch(tparent, "m"); touch(n, "c")
  return 0
end
function P.link(call)
  local a, b = pair(call, "oldpath", nil, "newpath", nil)
  if b then return link(a, b, false) end
  return a
end
function P.linkat(call)
  local a, b = pair(call, "oldpath", "olddirfd", "newpath", "newdirfd")
  if b then return link(a, b, band(call.flags, AT_SYMLINK_FOLLOW) ~= 0) end
  return a
end

local function symlink(call, n, parent, name, err)
  if err then return err end
  if n then return -E.EEXIST end
  if not parent then return -E.ENOENT end
  local target = call.target
  if not target then return -E.EFAULT end
  if target == "" then return -E.ENOENT end
  local l = node("link", 511, call.proc)
  l.target = target
  parent.children[name] = l
  touch(parent, "m")
  return 0
end
P.symlink = on_path("linkpath", nil, symlink, never)
P.symlinkat = on_path("linkpath", "newdirfd", symlink, never)

local function readlink(call, n, _, _, err)
  if not n then return need(n, err) end
  if n.kind ~= "link" then return -E.EINVAL end
  local size = call.bufsiz
  if size <= 0 then return -E.EINVAL end
  local t = n.target:sub(1, size)
  if call.proc:write(call.args[call.spec.argi.buf], t) ~= #t then return -E.EFAULT end
  return #t
end
P.readlink = on_path("pathname", nil, readlink, never)
P.readlinkat = on_path("pathname", "dirfd", readlink, never, true)

P.truncate = on_path("path", nil, function(call, n, _, _, err)
  if not n then return need(n, err) end
  if n.kind == "dir" then return -E.EISDIR end
  if call.length < 0 then return -E.EINVAL end
  return truncate(n, call.length)
end)

function P.fallocate(call)
  local n = fd_node(call.proc, call.fd)
  if not n then return end
  stats.answered = stats.answered + 1
  if n.kind ~= "file" then return n.kind == "dir" and -E.EISDIR or -E.ENODEV end
  local d = vfd.get(call.proc, call.fd)
  if band(d.flags, O_ACCMODE) == 0 then return -E.EBADF end
  local mode, off, len = call.mode, call.offset, call.len
  if off < 0 or len <= 0 then return -E.EINVAL end
  if mode == 0 then
    if off + len > #n.data then truncate(n, off + len) end
    return 0
  elseif mode == FALLOC_FL_KEEP_SIZE then
    return 0
  elseif mode == bor(FALLOC_FL_PUNCH_HOLE, FALLOC_FL_KEEP_SIZE) then
    local data = n.data
    if off < #data then
      local stop = math.min(#data, off + len)
      n.data = data:sub(1, off) .. ("\0"):rep(stop - off) .. data:sub(stop + 1)
      touch(n, "m")
    end
    return 0
  end
  return -E.EOPNOTSUPP
end

-- ---- permissions, owners, times ------------------------------------------------
local function chmod(call, n, _, _, err)
  if not n then return need(n, err) end
  if n.kind == "link" then return -E.EOPNOTSUPP end -- fchmodat(AT_SYMLINK_NOFOLLOW) on a link
  n.mode = band(call.mode, 4095)
  touch(n, "c")
  return 0
end
P.chmod = on_path("pathname", nil, chmod)
P.fchmodat = on_path("pathname", "dirfd", chmod)
P.fchmod = on_fd(chmod)

local function chown(call, n, _, _, err)
  if not n then return need(n, err) end
  local uid, gid = bit.tobit(call.owner), bit.tobit(call.group)
  local root_user = tonumber(ffi.C.getuid()) == 0
  if uid ~= -1 and uid ~= n.uid and not root_user then return -E.EPERM end
  if uid ~= -1 then n.uid = uid end
  if gid ~= -1 then n.gid = gid end
  if n.kind == "file" and (uid ~= -1 or gid ~= -1) then n.mode = band(n.mode, bnot(0x800)) end -- S_ISUID
  touch(n, "c")
  return 0
end
P.chown = on_path("pathname", nil, chown)
P.lchown = on_path("pathname", nil, chown, never)
P.fchownat = on_path("pathname", "dirfd", chown, no_follow_flag, "flags")
P.fchown = on_fd(chown)

-- Two timestamps from the tracee: { sec, nsec } or "now" or "omit" each;
-- usec: struct timeval instead of timespec.  nil, -EFAULT on a bad pointer.
local function read_times(call, addr, usec)
  if addr == 0 then return { "now", "now" } end
  local b = call.proc:read(addr, 32)
  if not b or #b < 32 then return nil, -E.EFAULT end
  local v = ffi.cast("const int64_t *", b)
  local out = {}
  for i = 0, 1 do
    local sec, frac = tonumber(v[2 * i]), tonumber(v[2 * i + 1])
    if usec then
      if frac < 0 or frac >= 1000000 then return nil, -E.EINVAL end
      out[i + 1] = { sec, frac * 1000 }
    elseif frac == UTIME_NOW then out[i + 1] = "now"
    elseif frac == UTIME_OMIT then out[i + 1] = "omit"
    elseif frac < 0 or frac >= 1000000000 then return nil, -E.EINVAL
    else out[i + 1] = { sec, frac } end
  end
  return out
end

local function set_times(n, times)
  local t = now()
  if times[1] ~= "omit" then n.atime = times[1] == "now" and t or times[1] end
  if times[2] ~= "omit" then n.mtime = times[2] == "now" and t or times[2] end
  if times[1] ~= "omit" or times[2] ~= "omit" then n.ctime = t end
  return 0
end

local function utimes_with(addr_arg, usec)
  return function(call, n, _, _, err)
    if not n then return need(n, err) end
    local times, terr = read_times(call, call.args[call.spec.argi[addr_arg]], usec)
    if not times then return terr end
    return set_times(n, times)
  end
end
P.utimensat = on_path("pathname", "dirfd", utimes_with("times", false), no_follow_flag, "flags", true)
P.utimes = on_path("filename", nil, utimes_with("times", true))
P.futimesat = on_path("pathname", "dirfd", utimes_with("times", true), nil, nil, true)
P.utime = on_path("filename", nil, function(call, n, _, _, err)
  if not n then return need(n, err) end
  local addr = call.args[2]
  if addr == 0 then return set_times(n, { "now", "now" }) end
  local b = call.proc:read(addr, 16)
  if not b or #b < 16 then return -E.EFAULT end
  local v = ffi.cast("const int64_t *", b)
  return set_times(n, { { tonumber(v[0]), 0 }, { tonumber(v[1]), 0 } })
end)

-- ---- file system, sync, extended attributes -------------------------------------
local function statfs(call, n, _, _, err)
  if not n then return need(n, err) end
  local files = next_ino
  call.buf = { f_type = TMPFS_MAGIC, f_bsize = 4096, f_blocks = 262144, f_bfree = 262144,
    f_bavail = 262144, f_files = files + 65536, f_ffree = 65536,
    f_namelen = 255, f_frsize = 4096, f_flags = 0x20 } -- ST_VALID
  return 0
end
P.statfs = on_path("path", nil, statfs)
P.fstatfs = on_fd(statfs)

-- getxattr and listxattr: size 0 asks for the length; else copy s to ARG
local function reply_sized(call, arg, s)
  local size = call.size
  if size == 0 then return #s end
  if size < #s then return -E.ERANGE end
  if #s > 0 and call.proc:write(call.args[call.spec.argi[arg]], s) ~= #s then return -E.EFAULT end
  return #s
end

local function getxattr(call, n, _, _, err)
  if not n then return need(n, err) end
  local name = call.name_
  if not name then return -E.EFAULT end
  local v = n.xattr[name]
  if not v then return -E.ENODATA end
  return reply_sized(call, "value", v)
end
P.getxattr = on_path("path", nil, getxattr)
P.lgetxattr = on_path("path", nil, getxattr, never)
P.fgetxattr = on_fd(getxattr)

local function setxattr(call, n, _, _, err)
  if not n then return need(n, err) end
  local name, size, flags = call.name_, call.size, call.flags
  if not name then return -E.EFAULT end
  if name == "" or #name > 255 then return -E.ERANGE end
  -- user., trusted. and security. names are kept; system. ones (POSIX
  -- ACLs) are not supported, as on a file system without ACLs: cp -a
  -- then sets the mode with fchmod
  if not (name:match("^user%.") or name:match("^trusted%.") or name:match("^security%.")) then
    return -E.EOPNOTSUPP
  end
  if size > 65536 then return -E.E2BIG end
  if band(flags, XATTR_CREATE) ~= 0 and n.xattr[name] then return -E.EEXIST end
  if band(flags, XATTR_REPLACE) ~= 0 and not n.xattr[name] then return -E.ENODATA end
  local v = size > 0 and call.proc:read(call.args[call.spec.argi.value], size) or ""
  if not v or #v < size then return -E.EFAULT end
  n.xattr[name] = v
  touch(n, "c")
  return 0
end
P.setxattr = on_path("path", nil, setxattr)
P.lsetxattr = on_path("path", nil, setxattr, never)
P.fsetxattr = on_fd(setxattr)

local function listxattr(call, n, _, _, err)
  if not n then return need(n, err) end
  local names = {}
  for k in pairs(n.xattr) do names[#names + 1] = k end
  table.sort(names)
  return reply_sized(call, "list", #names > 0 and table.concat(names, "\0") .. "\0" or "")
end
P.listxattr = on_path("path", nil, listxattr)
P.llistxattr = on_path("path", nil, listxattr, never)
P.flistxattr = on_fd(listxattr)

local function removexattr(call, n, _, _, err)
  if not n then return need(n, err) end
  local name = call.name_
  if not name then return -E.EFAULT end
  if not n.xattr[name] then return -E.ENODATA end
  n.xattr[name] = nil
  touch(n, "c")
  return 0
end
P.removexattr = on_path("path", nil, removexattr)
P.lremovexattr = on_path("path", nil, removexattr, never)
P.fremovexattr = on_fd(removexattr)

-- ---- everything else that names the tree ------------------------------------------
-- chdir, execve, mknod, ...: not emulated; refused rather than sent to the
-- disk.  (Calls with a path that only passes through the tree get the
-- cleaned path, as above.)
for _, spec in ipairs(ttlua.syscalls.list) do
  if not P[spec.name] then
    local paths = {}
    for i, a in ipairs(spec.args) do
      if a.kind == "path" and not (spec.name:match("^symlink") and a.name == "target") then
        local prev = spec.args[i - 1]
        paths[#paths + 1] = { a.name, prev and prev.kind == "dirfd" and prev.name or nil }
      end
    end
    if #paths > 0 then
      P[spec.name] = function(call)
        for _, p in ipairs(paths) do
          local rel, other = ours(call, call[p[1]], p[2] and call[p[2]])
          if rel or via_fd(call, call[p[1]], p[2] and call[p[2]]) then
            stats.refused = stats.refused + 1
            return -E.EOPNOTSUPP
          end
          if other then call[p[1]] = other end
        end
      end
    end
  end
end

function P.on_finish()
  if args.dump == "1" then
    local function walk(n, path)
      local names = {}
      for name in pairs(n.children) do names[#names + 1] = name end
      table.sort(names)
      for _, name in ipairs(names) do
        local c = n.children[name]
        local size = c.kind == "dir" and 0 or c.kind == "link" and #c.target or #c.data
        io.stderr:write(("memfs: %s/%s %s %d\n"):format(path, name, c.kind, size))
        if c.kind == "dir" then walk(c, path .. "/" .. name) end
      end
    end
    walk(root, PREFIX)
  end
  if args.stats == "1" then
    io.stderr:write(("memfs: answered %d calls, refused %d, passed %d\n"):format(
      stats.answered, stats.refused, stats.passed))
  end
end

return P
