-- memfs.lua: an in-memory directory tree mounted at a prefix.
--
--   ttlua lua/examples/memfs.lua -- sh -c 'echo hi > /mem/a; cat /mem/a; ls /mem'
--   ttlua --arg prefix=/scratch lua/examples/memfs.lua -- make
--
-- Everything under the prefix (default /mem; --arg prefix=PATH to change)
-- lives in this policy's Lua tables and nothing touches the disk: the
-- prefix need not exist.  Files are opened as virtual descriptors
-- (ttlua.vfd), so read, write, lseek, fstat, mmap (a private copy), dup,
-- fork and exec all behave as on a real file system.  Answered from Lua:
-- open, openat, creat, stat, lstat, newfstatat, statx, access, faccessat,
-- faccessat2, mkdir, mkdirat, rmdir, unlink, unlinkat, rename, renameat,
-- renameat2, truncate, readlink, and getdents64 on its directories.  The
-- tree is one for all traced processes (a file system, not per-process
-- state).  Not implemented: symbolic and hard links, permissions (every
-- file is 0644, every directory 0755), chdir into the tree, and paths that
-- reach it through a symbolic link outside it.
-- --arg dump=1 prints the tree on stderr at the end.
local ttlua = require "ttlua"
local vfd = require "ttlua.vfd"
local Proc = require "ttlua.proc"
local bit = require "bit"

local E = ttlua.errno
local band, bor = bit.band, bit.bor

local PREFIX = Proc.clean_path(ttlua.args.prefix or "/mem")

local O_ACCMODE, O_WRONLY, O_CREAT, O_EXCL, O_TRUNC = 3, 1, 0x40, 0x80, 0x200
local O_DIRECTORY, O_PATH = 0x10000, 0x200000
local S_IFREG, S_IFDIR = 0x8000, 0x4000
local AT_REMOVEDIR, AT_EMPTY_PATH = 0x200, 0x1000

-- ---- the tree -------------------------------------------------------------
local next_ino = 1
local function node(kind)
  next_ino = next_ino + 1
  return { kind = kind, ino = next_ino, data = "", children = kind == "dir" and {} or nil,
           mtime = os.time() }
end
local root = node("dir")

-- The memfs part of an absolute path ("" for the root), or nil.
local function inside(abs)
  if not abs then return nil end
  if abs == PREFIX then return "" end
  if abs:sub(1, #PREFIX + 1) == PREFIX .. "/" then return abs:sub(#PREFIX + 2) end
  return nil
end

-- node, parent directory, last name (node nil when only the parent
-- exists), or nil, nil, nil, -errno.
local function lookup(rel)
  local cur, parent, name = root, nil, nil
  for seg in rel:gmatch("[^/]+") do
    if not cur then return nil, nil, nil, -E.ENOENT end
    if cur.kind ~= "dir" then return nil, nil, nil, -E.ENOTDIR end
    parent, name = cur, seg
    cur = cur.children[seg]
  end
  return cur, parent, name
end

-- The node, or nil, -errno.
local function find(rel)
  local n, _, _, err = lookup(rel)
  if n then return n end
  return nil, err or -E.ENOENT
end

local function stat_of(n)
  local size = n.kind == "dir" and 4096 or #n.data
  return {
    st_dev = 0x6d65, st_ino = n.ino, st_mode = n.kind == "dir" and bor(S_IFDIR, 493) or bor(S_IFREG, 420),
    st_nlink = n.kind == "dir" and 2 or 1, st_size = size, st_blksize = 4096,
    st_blocks = math.ceil(size / 512), st_atime = n.mtime, st_mtime = n.mtime, st_ctime = n.mtime,
  }
end

-- ---- open files and directories (virtual descriptors) ------------------------
local File = {}
File.__index = File
function File:read(n, off) return self.node.data:sub(off + 1, off + n) end
function File:write(s, off)
  local d = self.node.data
  if off > #d then d = d .. ("\0"):rep(off - #d) end
  self.node.data = d:sub(1, off) .. s .. d:sub(off + #s + 1)
  self.node.mtime = os.time()
  return #s
end
function File:size() return #self.node.data end
function File:stat() return stat_of(self.node) end
function File:truncate(len)
  local d = self.node.data
  self.node.data = len <= #d and d:sub(1, len) or d .. ("\0"):rep(len - #d)
  return 0
end
function File.fsync() return 0 end
function File:mmap(call) return vfd.map_copy(call, self.node.data) end

local Dir = {}
Dir.__index = Dir
function Dir:stat() return stat_of(self.node) end
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

-- ---- path-based calls ---------------------------------------------------------
local P = {}

-- The memfs path a call's (dirfd, path) names, or nil when it is not ours.
-- A path relative to an open memfs directory resolves in the tree.  When
-- a path only passes through the tree ("/mem/.." is "/"), the second
-- result is the path the kernel should get instead.
local function ours(call, path, dirfd)
  if type(path) ~= "string" then return nil end
  local abs
  if dirfd and dirfd ~= -100 and path:sub(1, 1) ~= "/" then
    local d = vfd.get(call.proc, dirfd)
    if d and d.obj.memfs_path then abs = Proc.clean_path(d.obj.memfs_path .. "/" .. path) end
  end
  abs = abs or call.proc:abspath(path, dirfd)
  local rel = inside(abs)
  if rel then return rel end
  if abs and path:sub(1, #PREFIX + 1) == PREFIX .. "/" then return nil, abs end
  return nil
end

-- A handler for a call with a path argument (and maybe a dirfd): fn(call,
-- rel) answers it when the path is in the tree.
local function on_path(pathname, dirfd, fn)
  return function(call)
    local rel, other = ours(call, call[pathname], dirfd and call[dirfd])
    if rel then return fn(call, rel) end
    if other then call[pathname] = other end
  end
end

local function open_node(rel, flags)
  local n, parent, name, err = lookup(rel)
  if err then return err end
  if n and band(flags, O_CREAT) ~= 0 and band(flags, O_EXCL) ~= 0 then return -E.EEXIST end
  if not n then
    if band(flags, O_CREAT) == 0 then return -E.ENOENT end
    if band(flags, O_DIRECTORY) ~= 0 then return -E.EINVAL end
    n = node("file")
    parent.children[name] = n
    parent.mtime = os.time()
  end
  local path = PREFIX .. (rel == "" and "" or "/" .. rel)
  if n.kind == "dir" then
    if band(flags, O_ACCMODE) ~= 0 and band(flags, O_PATH) == 0 then return -E.EISDIR end
    return vfd(setmetatable({ node = n, memfs_path = path }, Dir))
  end
  if band(flags, O_DIRECTORY) ~= 0 then return -E.ENOTDIR end
  if band(flags, O_TRUNC) ~= 0 and band(flags, O_ACCMODE) ~= 0 then n.data = "" end
  return vfd(setmetatable({ node = n }, File))
end

P.openat = on_path("pathname", "dirfd", function(call, rel) return open_node(rel, call.flags) end)
P.open = on_path("pathname", nil, function(call, rel) return open_node(rel, call.flags) end)
P.creat = on_path("pathname", nil, function(_, rel) return open_node(rel, bor(O_CREAT, O_WRONLY, O_TRUNC)) end)

local function stat_path(call, rel)
  local n, err = find(rel)
  if not n then return err end
  call.statbuf = stat_of(n)
  return 0
end
P.stat = on_path("pathname", nil, stat_path)
P.lstat = P.stat
local newfstatat = on_path("pathname", "dirfd", stat_path)
function P.newfstatat(call)
  if call.pathname == "" and band(call.flags, AT_EMPTY_PATH) ~= 0 then return end -- fd: vfd's
  return newfstatat(call)
end
local statx = on_path("pathname", "dirfd", function(call, rel)
  local n, err = find(rel)
  if not n then return err end
  call.statxbuf = vfd.statx_of(stat_of(n))
  return 0
end)
function P.statx(call)
  if call.pathname == "" and band(call.flags, AT_EMPTY_PATH) ~= 0 then return end
  return statx(call)
end

local function exists(_, rel)
  local n, err = find(rel)
  return n and 0 or err
end
P.access = on_path("pathname", nil, exists)
P.faccessat = on_path("pathname", "dirfd", exists)
P.faccessat2 = P.faccessat

-- No extended attributes in the tree.
local function no_xattr(_, rel)
  local n, err = find(rel)
  return n and -E.ENODATA or err
end
local function no_xattrs(_, rel)
  local n, err = find(rel)
  return n and 0 or err
end
P.getxattr = on_path("path", nil, no_xattr)
P.lgetxattr = P.getxattr
P.listxattr = on_path("path", nil, no_xattrs)
P.llistxattr = P.listxattr

local function make_dir(_, rel)
  local n, parent, name, err = lookup(rel)
  if err then return err end
  if n then return -E.EEXIST end
  parent.children[name] = node("dir")
  parent.mtime = os.time()
  return 0
end
P.mkdir = on_path("pathname", nil, make_dir)
P.mkdirat = on_path("pathname", "dirfd", make_dir)

local function remove(rel, want_dir)
  if rel == "" then return -E.EBUSY end
  local n, parent, name, err = lookup(rel)
  if not n then return err or -E.ENOENT end
  if want_dir then
    if n.kind ~= "dir" then return -E.ENOTDIR end
    if next(n.children) then return -E.ENOTEMPTY end
  elseif n.kind == "dir" then
    return -E.EISDIR
  end
  parent.children[name] = nil
  parent.mtime = os.time()
  return 0
end
P.unlink = on_path("pathname", nil, function(_, rel) return remove(rel, false) end)
P.rmdir = on_path("pathname", nil, function(_, rel) return remove(rel, true) end)
P.unlinkat = on_path("pathname", "dirfd", function(call, rel)
  return remove(rel, band(call.flags, AT_REMOVEDIR) ~= 0)
end)

local function rename(from, to)
  if not from or not to then return -E.EXDEV end -- across the prefix
  local n, parent, name, err = lookup(from)
  if not n then return err or -E.ENOENT end
  local old, tparent, tname, terr = lookup(to)
  if terr then return terr end
  if not tparent then return -E.EBUSY end -- the root
  if old and old.kind == "dir" and n.kind ~= "dir" then return -E.EISDIR end
  if old and old.kind == "dir" and next(old.children) then return -E.ENOTEMPTY end
  parent.children[name] = nil
  tparent.children[tname] = n
  return 0
end
function P.rename(call)
  local a, b = ours(call, call.oldpath), ours(call, call.newpath)
  if a or b then return rename(a, b) end
end
function P.renameat(call)
  local a, b = ours(call, call.oldpath, call.olddirfd), ours(call, call.newpath, call.newdirfd)
  if a or b then return rename(a, b) end
end
P.renameat2 = P.renameat

P.truncate = on_path("path", nil, function(call, rel)
  local n, err = find(rel)
  if not n then return err end
  if n.kind == "dir" then return -E.EISDIR end
  return File.truncate({ node = n }, call.length)
end)

-- Nothing in the tree is a symbolic link.
local function readlink(_, rel)
  local n, err = find(rel)
  return n and -E.EINVAL or err
end
P.readlink = on_path("pathname", nil, readlink)
P.readlinkat = on_path("pathname", "dirfd", readlink)

function P.on_finish()
  if ttlua.args.dump ~= "1" then return end
  local function walk(n, path)
    for name, c in pairs(n.children) do
      io.stderr:write(("memfs: %s/%s %s %d\n"):format(path, name, c.kind, c.kind == "dir" and 0 or #c.data))
      if c.kind == "dir" then walk(c, path .. "/" .. name) end
    end
  end
  walk(root, PREFIX)
end

return P
