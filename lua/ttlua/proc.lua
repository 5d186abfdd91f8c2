-- ttlua.proc: the process object (call.proc), shared by a process's threads.
--   proc.pid                 process id (thread group id)
--   proc.tid                 the thread whose call is being handled
--   proc.data                the policy's own table: copied at fork,
--                            shared by threads, kept across exec
--   proc:read(addr, len)     bytes, or nil, err
--   proc:readstr(addr [, max])
--   proc:write(addr, bytes)  bytes written, or nil, err
--   proc:syscall(name, ...)  run a syscall inside the stopped tracee; returns
--                            its raw result (-errno on failure).  Works in a
--                            syscall handler (at the entry, and at the exit
--                            after call:run()), in on_exec (the new program,
--                            before its first instruction) and in on_fork
--                            (the child, at its first stop); elsewhere it
--                            raises an error saying why.  String arguments
--                            are copied to scratch memory and passed by address.
--   proc:alloc(n)            address of n bytes of scratch memory in the
--                            tracee, which the tracee can read but not write;
--                            fill it with proc:write.  It stays valid while
--                            the current call (or hook) runs, and is reused by
--                            this thread's later calls.
--   proc:abspath(path [, dirfd])  the absolute, cleaned path a path argument
--                            names (relative to the cwd or to dirfd)
--   proc:cwd(), proc:fdpath(fd)   what /proc says they are
--   proc.files               the descriptor table ttlua keeps for the process
--                            (ttlua.vfd's virtual descriptors): shared after
--                            clone(CLONE_FILES), copied at fork, unshared at
--                            exec, where close-on-exec entries go
-- Memory (the address space, with its scratch mapping) is its own object,
-- `mm`: shared after clone(CLONE_VM), copied at fork, new at exec.
local ffi = require "ffi"
local bit = require "bit"
local core = require "ttlua.core"

ffi.cdef [[
int64_t ttl_mem_write_ro(int pid, uint64_t addr, const void *buf, size_t len);
ssize_t readlink(const char *path, char *buf, size_t size);
]]

local Proc = {}
Proc.__index = Proc

local SCRATCH_MAP = 256 * 1024 -- one scratch mapping
local SLOT = 16 * 1024         -- one thread's ring within it
local PROT_READ, MAP_PRIVATE, MAP_ANONYMOUS = 1, 2, 0x20

local Mm = {}
Mm.__index = Mm
function Mm.new()
  return setmetatable({ pools = {}, big = {}, slots = {}, free = {} }, Mm)
end
local function add_pool(mm, map)
  mm.pools[#mm.pools + 1] = map
  for off = SCRATCH_MAP - SLOT, 0, -SLOT do mm.free[#mm.free + 1] = map + off end
end
-- The copy a forked child gets: same mappings, every slot free.
function Mm:copy()
  local m = Mm.new()
  for _, map in ipairs(self.pools) do add_pool(m, map) end
  for i, b in ipairs(self.big) do m.big[i] = { addr = b.addr, size = b.size } end
  return m
end
Proc.Mm = Mm

-- ---- the descriptor table --------------------------------------------
-- fd number -> description object (ttlua.vfd's), for the descriptors ttlua
-- itself implements.  A description is shared by dup'd numbers and by
-- copies of the table; it counts its references with :retain()/:release().
local Files = {}
Files.__index = Files
function Files.new()
  return setmetatable({ fd = {}, n = 0, users = 1 }, Files)
end
function Files:get(fd)
  return self.fd[fd]
end
-- Put desc at fd (the caller gives its reference); the former one goes.
function Files:set(fd, desc)
  self:drop(fd)
  self.fd[fd] = desc
  self.n = self.n + 1
end
-- Forget fd; its description loses a reference.
function Files:drop(fd)
  local d = self.fd[fd]
  if not d then return end
  self.fd[fd] = nil
  self.n = self.n - 1
  d:release()
end
-- A private copy (fork, exec, unshare): every description gains a reference.
function Files:copy()
  local c = Files.new()
  for fd, d in pairs(self.fd) do
    c.fd[fd] = d
    c.n = c.n + 1
    d:retain()
  end
  return c
end
-- One process stopped using the table (exit, exec, unshare).
function Files:leave()
  self.users = self.users - 1
  if self.users > 0 then return end
  for fd in pairs(self.fd) do self:drop(fd) end
end
Proc.Files = Files

function Proc.new(engine, pid)
  return setmetatable({
    pid = pid, tid = pid, data = {}, mm = Mm.new(), files = Files.new(), threads = {},
    _engine = engine,
  }, Proc)
end

local function check_addr(addr, fn)
  if type(addr) ~= "number" and type(addr) ~= "cdata" then
    error(fn .. ": address must be a number, got " .. type(addr), 3)
  end
end

function Proc:read(addr, len)
  check_addr(addr, "proc:read")
  if type(len) ~= "number" or len < 0 then
    error("proc:read: length must be a non-negative number", 2)
  end
  return core.read(self.pid, addr, len)
end

function Proc:readstr(addr, max)
  check_addr(addr, "proc:readstr")
  if addr == 0 then return nil, "EFAULT: Bad address", "EFAULT" end
  return core.readstr(self.pid, addr, max or 4096)
end

function Proc:write(addr, bytes)
  check_addr(addr, "proc:write")
  if type(bytes) ~= "string" then
    error("proc:write: bytes must be a string, got " .. type(bytes), 2)
  end
  return core.write(self.pid, addr, bytes)
end

-- Run a syscall inside the stopped tracee; returns the raw result
-- (-errno on failure).  Only from a handler (or hook) of this process.
function Proc:syscall(name, ...)
  return self._engine.inject(self, name, ...)
end

-- A new scratch mapping, readable (not writable) by the tracee: ttlua
-- writes it through /proc/PID/mem, so other tracee threads cannot change
-- a rewritten path between the check and the kernel's read.
local function new_map(self, size)
  local addr = self:syscall("mmap", 0, size, PROT_READ, MAP_PRIVATE + MAP_ANONYMOUS, -1, 0)
  if addr < 0 and addr > -4096 then
    error(("cannot map scratch memory in process %d (errno %d)"):format(self.pid, -addr), 0)
  end
  return addr
end

-- The call (or nil in a hook) whose scratch memory an allocation is.
local function owner_of(self)
  local th = self._engine.threads and self._engine.threads[self.tid]
  return th and th.call or nil
end

local function thread_slot(self, tid)
  local mm = self.mm
  local s = mm.slots[tid]
  if s then return s end
  if #mm.free == 0 then add_pool(mm, new_map(self, SCRATCH_MAP)) end
  local base = table.remove(mm.free)
  s = { base = base, used = 0 }
  mm.slots[tid] = s
  return s
end

-- A mapping of its own for what does not fit a thread's ring: one that an
-- earlier call no longer uses is taken again.
local function big_alloc(self, n, owner)
  local mm = self.mm
  local threads = self._engine.threads or {}
  for _, b in ipairs(mm.big) do
    local th = b.tid and threads[b.tid]
    local busy = b.tid and th and th.call == b.owner and b.owner ~= nil
    if not busy and b.size >= n then
      b.tid, b.owner = self.tid, owner
      return b.addr
    end
  end
  local size = math.ceil(n / 4096) * 4096
  local addr = new_map(self, size)
  mm.big[#mm.big + 1] = { addr = addr, size = size, tid = self.tid, owner = owner }
  return addr
end

-- n bytes of scratch memory for the current thread's call: a ring per
-- thread, started afresh by each of its calls, so what a call allocates
-- lives as long as the call.  What does not fit gets a mapping of its own.
function Proc:alloc(n)
  if type(n) ~= "number" or n < 0 then
    error("proc:alloc: size must be a non-negative number", 2)
  end
  n = math.max(16, math.ceil(n / 16) * 16)
  local owner = owner_of(self)
  if n > SLOT then return big_alloc(self, n, owner) end
  local s = thread_slot(self, self.tid)
  if s.owner ~= owner then
    s.owner, s.used = owner, 0
  end
  if s.used + n > SLOT then
    if owner then return big_alloc(self, n, owner) end
    s.used = 0 -- hooks: the ring wraps
  end
  local addr = s.base + s.used
  s.used = s.used + n
  return addr
end

function Proc:alloc_bytes(bytes)
  local addr = self:alloc(#bytes)
  local n = core.C.ttl_mem_write_ro(self.pid, addr, bytes, #bytes)
  if n ~= #bytes then
    error(("cannot write scratch memory of process %d"):format(self.pid), 0)
  end
  return addr
end

function Proc:alloc_string(s)
  return self:alloc_bytes(s .. "\0")
end

-- A thread left: its scratch slot returns to the pool.
function Proc:_thread_gone(tid)
  local s = self.mm.slots[tid]
  if s then
    self.mm.slots[tid] = nil
    self.mm.free[#self.mm.free + 1] = s.base
  end
  self.threads[tid] = nil
end

local linkbuf = ffi.new("char[4096]")
-- What descriptor fd of this process refers to (for -y), or nil.
function Proc:fdpath(fd)
  local n = ffi.C.readlink(("/proc/%d/fd/%d"):format(self.pid, fd), linkbuf, 4096)
  if n <= 0 then return nil end
  return ffi.string(linkbuf, n)
end

-- The process's working directory, or nil.
function Proc:cwd()
  local n = ffi.C.readlink(("/proc/%d/cwd"):format(self.pid), linkbuf, 4096)
  if n <= 0 then return nil end
  return ffi.string(linkbuf, n)
end

-- Lexically clean an absolute path: no ".", "..", or repeated "/".
function Proc.clean_path(p)
  local parts = {}
  for seg in p:gmatch("[^/]+") do
    if seg == ".." then
      parts[#parts] = nil
    elseif seg ~= "." then
      parts[#parts + 1] = seg
    end
  end
  return "/" .. table.concat(parts, "/")
end

-- The absolute path a path argument names: relative ones are taken from
-- the working directory (dirfd nil or AT_FDCWD) or from what dirfd refers
-- to.  Symbolic links are not followed.  nil when that cannot be told.
function Proc:abspath(path, dirfd)
  if type(path) ~= "string" then return nil end
  if path:sub(1, 1) ~= "/" then
    local base
    if dirfd == nil or dirfd == -100 then base = self:cwd() else base = self:fdpath(dirfd) end
    if not base or base:sub(1, 1) ~= "/" then return nil end
    path = base .. "/" .. path
  end
  return Proc.clean_path(path)
end

-- Deep copy of the policy's data for a forked child (functions, userdata
-- and cdata are shared; cycles are kept).
local function deep_copy(v, seen)
  if type(v) ~= "table" then return v end
  if seen[v] then return seen[v] end
  local t = {}
  seen[v] = t
  for k, x in pairs(v) do t[deep_copy(k, seen)] = deep_copy(x, seen) end
  return setmetatable(t, getmetatable(v))
end

-- The child of a fork/clone.  flags are clone(2) flags.
function Proc:fork(pid, flags)
  local child = Proc.new(self._engine, pid)
  child.data = deep_copy(self.data, {})
  child.parent = self
  if bit.band(flags, 0x100) ~= 0 then -- CLONE_VM
    child.mm = self.mm
  else
    child.mm = self.mm:copy()
  end
  if bit.band(flags, 0x400) ~= 0 then -- CLONE_FILES
    child.files = self.files
    self.files.users = self.files.users + 1
  else
    child.files = self.files:copy()
  end
  return child
end

ffi.cdef [[ int access(const char *path, int mode); ]]
-- The process exec'd: a new address space; its descriptor table is now its
-- own (exec unshares it) and the kernel has closed the close-on-exec ones.
function Proc:_exec()
  -- the old address space may live on (a vfork parent's): free our slots in it
  for tid in pairs(self.threads) do
    local slot = self.mm.slots[tid]
    if slot then
      self.mm.slots[tid] = nil
      self.mm.free[#self.mm.free + 1] = slot.base
    end
  end
  self.mm = Mm.new()
  local files = self.files
  if files.n == 0 and files.users == 1 then return end
  local own = files:copy()
  files:leave()
  self.files = own
  for fd in pairs(own.fd) do
    if ffi.C.access(("/proc/%d/fd/%d"):format(self.pid, fd), 0) ~= 0 then own:drop(fd) end
  end
end

-- The last thread is gone: the kernel closed every descriptor.
function Proc:_exit()
  self.files:leave()
  self.files = Files.new()
end

function Proc:__tostring()
  return ("proc %d"):format(self.pid)
end

return Proc
