-- Virtual file descriptors (lua/ttlua/vfd.lua): every routed operation,
-- checked by what the program saw (tests/progs/vfdops.c prints it) and by
-- what the policy's objects were asked.
local H = require "tests.helper"

local progs = H.progs

-- A virtual file /v/file ("0123456789", writable, mmap-able, FIONREAD),
-- a virtual directory /v/dir, and records of the object calls.
local policy_src = [[
local vfd = require "ttlua.vfd"
local ffi = require "ffi"
local E = ttlua.errno
local P = {}
local data = "0123456789"
local File = {}
File.__index = File
function File:read(n, off) RECORD("read", n, off); return data:sub(off + 1, off + n) end
function File:write(s, off)
  RECORD("write", s, off)
  if off > #data then data = data .. ("\0"):rep(off - #data) end
  data = data:sub(1, off) .. s .. data:sub(off + #s + 1)
  return #s
end
function File:size() return #data end
function File:mmap(call) RECORD("mmap"); return vfd.map_copy(call, data) end
function File:ioctl(req, argp, file)
  if req == 0x541B then -- FIONREAD
    file.call.proc:write(argp, ffi.string(ffi.new("int[1]", #data - file.offset), 4))
    return 0
  end
  return -E.ENOTTY
end
function File:close() RECORD("close", self.name) end
local Dir = {}
function Dir:getdents()
  return { { name = ".", type = "dir" }, { name = "..", type = "dir" },
           { name = "alpha", type = "file" }, { name = "beta", type = "dir" } }
end
function P.openat(call)
  if call.pathname == "/v/file" then
    RECORD("open", call.proc.pid)
    return vfd(setmetatable({ name = "file" }, File))
  end
  if call.pathname == "/v/dir" then return vfd(Dir) end
end
return P
]]

local function vfdops(op, path, opts)
  local pol, rec = H.policy(policy_src)
  local r = H.run({ pol, "--", progs .. "/vfdops", op, path or "/v/file" }, opts)
  return r, H.records(rec)
end

local function facts(out)
  local t = {}
  for line in out:gmatch("[^\n]+") do
    local k, v = line:match("^(%S+) (.*)$")
    if k then t[k] = v end
  end
  return t
end

local function count(recs, what)
  local n = 0
  for _, e in ipairs(recs) do
    if e[1] == what then n = n + 1 end
  end
  return n
end

describe("a virtual descriptor", function()
  it("reads, preads, readvs, seeks and writes through the object", function()
    local r, recs = vfdops("io")
    assert.are.equal(0, r.status, r.err)
    local f = facts(r.out)
    assert.are.equal(f.lowest, f.open) -- the lowest free number, as the kernel gives
    assert.are.equal("5 [01234]", f.read)
    assert.are.equal("3 [123]", f.pread)
    assert.are.equal("5 [56|789]", f.readv)
    assert.are.equal("10", f.lseek_cur)
    assert.are.equal("10", f.lseek_end)
    assert.are.equal("err EINVAL", f.lseek_bad)
    assert.are.equal("2", f.write)
    assert.are.equal("1", f.pwrite)
    assert.are.equal("4", f.writev)
    assert.are.equal("10 [ZBcdef6789]", f.reread)
    assert.are.equal("0", f.read_eof)
    assert.are.equal("err EFAULT", f.read_badbuf)
    assert.are.equal("0", f.close)
    assert.are.equal("err EBADF", f.read_closed)
    assert.are.equal("err EBADF", f.write_rdonly)
    -- the object saw the offsets the file position implies
    local writes = {}
    for _, e in ipairs(recs) do
      if e[1] == "write" then writes[#writes + 1] = e[2] .. "@" .. e[3] end
    end
    assert.are.same({ "AB@0", "Z@0", "cdef@2" }, writes)
    assert.are.equal(2, count(recs, "close")) -- once per open, at the last close
  end)

  it("answers fstat, newfstatat(AT_EMPTY_PATH) and statx, and EFAULT for a bad buffer", function()
    local r = vfdops("stat")
    assert.are.equal(0, r.status, r.err)
    local f = facts(r.out)
    assert.are.equal("0 size 10 mode 100644 nlink 1", f.fstat)
    assert.are.equal("0 size 10 mode 100644", f.fstatat)
    assert.are.equal("0 size 10 mode 100644", f.statx)
    assert.are.equal("err EFAULT", f.fstat_badbuf)
  end)

  it("dup, dup2, dup3 and F_DUPFD share the object and its offset", function()
    local r, recs = vfdops("dup")
    assert.are.equal(0, r.status, r.err)
    local f = facts(r.out)
    assert.are.equal("1", f.dup)
    assert.are.equal("2 [23]", f.dup_shared_offset)
    assert.are.equal("20", f.dup2)
    assert.are.equal("2 [45]", f.dup2_read)
    assert.are.equal("21", f.dup3)
    assert.are.equal("1", f.dup3_cloexec)
    assert.are.equal("30", f.f_dupfd)
    assert.are.equal("2 [67]", f.last_read) -- after closing every other number
    -- a real descriptor dup2'd over the last number: the object is closed
    -- and reads go to the pipe
    assert.are.equal("30", f.dup2_over)
    assert.are.equal("2 [PI]", f.read_over)
    assert.are.equal(1, count(recs, "close"))
  end)

  it("fcntl keeps status flags per description, FD_CLOEXEC per number; ioctl goes to the object", function()
    local r = vfdops("fcntl")
    assert.are.equal(0, r.status, r.err)
    local f = facts(r.out)
    assert.are.equal("0", f.getfl)
    assert.are.equal("0", f.setfl)
    assert.are.equal(tostring(0x800 + 0x400), f.getfl2) -- O_NONBLOCK|O_APPEND
    assert.are.equal("1", f.getfd)
    assert.are.equal("0", f.getfd2)
    assert.are.equal("err ENOTTY", f.tcgets)
    assert.are.equal("0", f.isatty)
    assert.are.equal("0", f.fionread)
    assert.are.equal("10", f.fionread_n)
  end)

  it("a virtual directory lists its entries with getdents64 and refuses read", function()
    local r = vfdops("dir", "/v/dir")
    assert.are.equal(0, r.status, r.err)
    assert.truthy(r.out:find("entry . 4\nentry .. 4\nentry alpha 8\nentry beta 4\n", 1, true), r.out)
    local f = facts(r.out)
    assert.are.equal("0", f.getdents64_end)
    assert.are.equal("err EINVAL", f.getdents64_small)
    assert.are.equal("err EISDIR", f.read_dir)
  end)

  it("poll, ppoll, select and pselect6 report it ready beside real descriptors", function()
    local r = vfdops("poll")
    assert.are.equal(0, r.status, r.err)
    local f = facts(r.out)
    assert.are.equal("1 1 0 fd=" .. f.open, f.poll) -- readable at once, the empty pipe not
    assert.are.equal("2 1 1", f.ppoll)
    assert.are.equal("3 r1 r1 w1", f.select)
    assert.are.equal("1 r1", f.pselect)
    assert.are.equal("0 0", f.poll_timeout)
  end)

  it("mmap goes to obj:mmap (a private copy); without it ENODEV", function()
    local r, recs = vfdops("mmap")
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("[01234]", facts(r.out).mmap)
    assert.are.equal(1, count(recs, "mmap"))
    local pol = H.policy [[
      local vfd = require "ttlua.vfd"
      return { openat = function(c)
        if c.pathname == "/v/file" then return vfd({ read = function() return "" end }) end
      end }
    ]]
    r = H.run({ pol, "--", progs .. "/vfdops", "mmap", "/v/file" })
    assert.are.equal("err ENODEV", facts(r.out).mmap)
  end)

  it("fork copies the table (one offset), CLONE_FILES shares it", function()
    local r, recs = vfdops("fork")
    assert.are.equal(0, r.status, r.err)
    local f = facts(r.out)
    assert.are.equal("3 [012]", f.child_read)
    assert.are.equal("3 [345]", f.parent_read)
    assert.are.equal("err EBADF", f.after_shared_close)
    assert.are.equal(1, count(recs, "close"))
  end)

  it("exec keeps a plain descriptor and drops a close-on-exec one", function()
    local r, recs = vfdops("exec")
    assert.are.equal(0, r.status, r.err)
    local f = facts(r.out)
    assert.are.equal("3 [234]", f.inherited_read)
    assert.are.equal("err EBADF", f.cloexec_gone)
    assert.are.equal("1", f.reuse)
    assert.are.equal(2, count(recs, "close")) -- the close-on-exec one at exec, the other at exit
    assert.are.equal(2, count(recs, "open"))
  end)
end)

describe("programs reading a virtual file", function()
  local pol_src = [[
    local vfd = require "ttlua.vfd"
    local text = ("line %d\n"):rep(3):format(1, 2, 3)
    return { openat = function(c)
      if c.pathname == "/virtual/text" then
        RECORD("open", c.name)
        return vfd({ read = function(_, n, off) return text:sub(off + 1, off + n) end,
                     size = function() return #text end })
      end
    end }
  ]]
  local want = "line 1\nline 2\nline 3\n"

  it("cat prints it", function()
    local pol, rec = H.policy(pol_src)
    local r = H.run({ pol, "--", "cat", "/virtual/text" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal(want, r.out)
    assert.are.same({ { "open", "openat" } }, H.records(rec))
  end)

  it("wc -c counts it", function()
    local pol = H.policy(pol_src)
    local r = H.run({ pol, "--", "wc", "-c", "/virtual/text" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal(#want .. " /virtual/text\n", r.out)
  end)

  it("python3 open().read() reads it", function()
    local pol = H.policy(pol_src)
    local r = H.run({ pol, "--", "/usr/bin/python3", "-c", "print(repr(open('/virtual/text').read()))" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("'line 1\\nline 2\\nline 3\\n'\n", r.out)
  end)

  it("a shell redirection and child processes read it through fd 0, sharing one offset", function()
    local pol, rec = H.policy(pol_src)
    -- head -n 1 reads a block, then seeks fd 0 back to the end of its line
    -- (the offset is the shared description's): cat goes on from there
    local r = H.run({ pol, "--", "sh", "-c", "(head -n 1; echo --; cat) < /virtual/text" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("line 1\n--\nline 2\nline 3\n", r.out)
    assert.are.same({ { "open", "openat" } }, H.records(rec)) -- one open, by the shell
  end)

  it("what the kernel is asked to do to the number changes nothing outside it", function()
    -- fchmod, and chmod through /proc/self/fd/N (glibc's fchmodat with
    -- AT_SYMLINK_NOFOLLOW does that), reach the placeholder, never a real file
    local pol = H.policy(pol_src)
    local before = H.sh("stat -c %a /dev/null").out
    local r = H.run({ pol, "--", "/usr/bin/python3", "-c", [[
import os
fd = os.open('/virtual/text', os.O_RDONLY)
for f in (lambda: os.fchmod(fd, 0o700), lambda: os.chmod('/proc/self/fd/%d' % fd, 0o700)):
    try: f()
    except OSError as e: print(e.errno)
print(os.read(fd, 6).decode())
]] })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("line 1\n", r.out) -- both calls succeeded, on the placeholder
    assert.are.equal(before, H.sh("stat -c %a /dev/null").out)
    assert.are.equal("666\n", before)
  end)
end)

describe("routing", function()
  it("calls on other descriptors still reach the policy's own handler", function()
    local pol, rec = H.policy [[
      local vfd = require "ttlua.vfd"
      local opened = false
      return {
        openat = function(c)
          if c.pathname ~= "/v/x" then return end
          opened = true
          return vfd({ read = function(_, n, off) return ("xyz"):sub(off + 1, off + n) end })
        end,
        read = function(c) if opened then RECORD("policy-read", c.fd) end end,
      }
    ]]
    local r = H.run({ pol, "--", "sh", "-c", "echo real | cat /v/x -" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("xyzreal\n", r.out)
    local reads = {}
    for _, e in ipairs(H.records(rec)) do reads[e[2]] = true end
    assert.is_true(reads[0]) -- cat's stdin went to the policy's read
    assert.is_nil(reads[3]) -- the virtual descriptor's reads did not
  end)
end)

describe("vfd misuse", function()
  it("loading ttlua.vfd only inside a handler says to load it with the policy", function()
    local pol = H.policy [[
      return { openat = function(c)
        if c.pathname == "/v/x" then return ttlua.vfd({}) end
      end }
    ]]
    local r = H.run({ pol, "--", "cat", "/v/x" })
    assert.truthy(r.err:find("ttlua.vfd must be loaded when the policy loads", 1, true), r.err)
    assert.are_not.equal(0, r.status)
  end)

  it("vfd() from a call that does not create a descriptor is an error and the call proceeds", function()
    local pol = H.policy [[
      local vfd = require "ttlua.vfd"
      return { getpid = function() return vfd({}) end }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "getpid" })
    assert.truthy(r.err:find("vfd%(%) answers calls that return a new descriptor"), r.err)
    assert.truthy(r.out:match("^%d+\n$"))
  end)
end)
