-- proc:syscall() (injection), scratch memory and emulated results with
-- output structs: what the program saw, and what the policy got back.
local H = require "tests.helper"

local progs = H.progs

describe("proc:syscall()", function()
  it("getpid injected inside a write handler returns the tracee's pid", function()
    local pol, rec = H.policy [[
      return { write = function(c)
        if c.fd == 1 then RECORD(c.proc:syscall("getpid"), c.proc.pid, c.proc:syscall(39)) end
      end }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "getpid" })
    assert.are.equal(0, r.status, r.err)
    local pid = tonumber(r.out:match("^(%d+)"))
    assert.are.same({ { pid, pid, pid } }, H.records(rec))
  end)

  it("works at the exit stop after call:run(), and the call's result stays", function()
    local pol, rec = H.policy [[
      return { write = function(c)
        if c.fd ~= 1 then return end
        local n = c:run()
        RECORD(n, c.proc:syscall("getppid"), c.proc:syscall("getpid"))
      end }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "write", "hello" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("hello n=5\n", r.out)
    local e = H.records(rec)[1]
    assert.are.equal(5, e[1])
    assert.is_true(e[2] > 1 and e[3] > 1 and e[2] ~= e[3])
  end)

  it("an injected call that fails returns -errno, and the original call still runs", function()
    local pol, rec = H.policy [[
      return { write = function(c)
        if c.fd == 1 and not c.proc.data.done then
          c.proc.data.done = true
          RECORD(c.proc:syscall("close", 9999), c.proc:syscall("openat", -100, "/nonexistent", 0))
        end
      end }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "write", "x" })
    assert.are.equal("x n=1\n", r.out)
    assert.are.same({ { -9, -2 } }, H.records(rec)) -- EBADF, ENOENT
  end)

  it("in a multi-threaded tracee each thread injects into itself while the others run", function()
    local pol, rec = H.policy [[
      return {
        write = function(c)
          if c.fd == 1 then RECORD("w", c.tid, c.proc:syscall("gettid")) end
        end,
        read = function(c)
          -- blocks until the writer threads are done: they must keep going
          local n = c:run()
          RECORD("r", c.tid, c.proc:syscall("gettid"), n)
        end,
      }
    ]]
    local r = H.run({ pol, "--", progs .. "/mt", "4", "25" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal(101, #H.lines(r.out))
    assert.truthy(r.out:find("reader got 2 [go]", 1, true))
    local writes, tids = 0, {}
    for _, e in ipairs(H.records(rec)) do
      assert.are.equal(e[2], e[3]) -- gettid ran in the thread whose call it was
      if e[1] == "w" then
        writes = writes + 1
        tids[e[2]] = true
      end
    end
    assert.are.equal(101, writes)
    local n = 0
    for _ in pairs(tids) do n = n + 1 end
    assert.are.equal(5, n) -- four writers and the reader
  end)

  it("works in on_exec (from the vDSO, or a patched entry point) and in on_fork's child", function()
    local pol, rec = H.policy [[
      return {
        on_exec = function(proc) RECORD("exec", proc.pid, proc:syscall("getpid")) end,
        on_fork = function(parent, child)
          RECORD("fork", child.pid, child:syscall("getpid"), child:syscall("getppid"), parent.pid)
        end,
      }
    ]]
    for _, env in ipairs({ "", "TTLUA_TEST_NO_VDSO_INSN=1 " }) do
      os.remove(rec)
      local r = H.sh(env .. H.q(H.ttlua) .. " " .. H.q(pol) .. " -- sh -c 'echo hi; (echo sub); /bin/echo x'")
      assert.are.equal(0, r.status, r.err)
      assert.are.equal("hi\nsub\nx\n", r.out)
      local forks, execs = 0, 0
      for _, e in ipairs(H.records(rec)) do
        assert.are.equal(e[2], e[3])
        if e[1] == "fork" then
          forks = forks + 1
          assert.are.equal(e[4], e[5])
        else
          execs = execs + 1
        end
      end
      assert.are.equal(2, forks)
      assert.are.equal(2, execs)
    end
  end)

  it("gives a clear error where it cannot inject, and outside any handler", function()
    local pol, rec = H.policy [[
      local saved
      return {
        on_exit = function(proc) RECORD("exit", select(2, pcall(proc.syscall, proc, "getpid"))) end,
        on_start = function(proc) saved = proc; RECORD("start", select(2, pcall(proc.syscall, proc, "getpid"))) end,
        on_finish = function() RECORD("finish", select(2, pcall(saved.syscall, saved, "getpid"))) end,
        write = function(c) RECORD("unknown", select(2, pcall(c.proc.syscall, c.proc, "nosuchcall"))) end,
      }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "write", "x" })
    assert.are.equal(0, r.status, r.err)
    local msgs = {}
    for _, e in ipairs(H.records(rec)) do msgs[e[1]] = e[2] end
    assert.truthy(msgs.start:find("on_start runs before the command is executed"), msgs.start)
    assert.truthy(msgs.exit:find("on_exit runs when the thread is already gone"), msgs.exit)
    assert.truthy(msgs.finish:find("works only inside a handler"), msgs.finish)
    assert.truthy(msgs.unknown:find("unknown syscall nosuchcall"), msgs.unknown)
  end)
end)

describe("scratch memory", function()
  it("proc:alloc gives tracee memory a rewritten argument can point to", function()
    local pol, rec = H.policy [[
      return { write = function(c)
        if c.fd ~= 1 or c.proc.data.done then return end
        c.proc.data.done = true
        local text = "from scratch\n"
        local a = c.proc:alloc(#text)
        RECORD(c.proc:write(a, text), c.proc:read(a, #text))
        c.args[2] = a
        c.args[3] = #text
        -- a big one gets its own mapping
        local big = c.proc:alloc(100000)
        RECORD(c.proc:write(big + 99990, "0123456789"), c.proc:read(big + 99990, 10))
      end }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "write", "orig" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("from scratch\n n=13\n", r.out)
    assert.are.same({ { 13, "from scratch\n" }, { 10, "0123456789" } }, H.records(rec))
  end)
end)

describe("emulated results with output structs", function()
  it("fstat, clock_gettime, uname and getdents64 answered from Lua", function()
    local pol, rec = H.policy [[
      local fake_dir = false
      return {
        newfstatat = function(c)
          if c.dirfd == 0 and c.pathname == "" then
            c.statbuf = { st_size = 4242, st_mode = 0x8000 + 420, st_nlink = 7 }
            return 0
          end
        end,
        clock_gettime = function(c)
          c.tp = { tv_sec = 1000000000, tv_nsec = 5 }
          return 0
        end,
        uname = function(c)
          c.buf = { sysname = "Linux", nodename = "fakehost", release = "9.9.9", machine = "x86_64" }
          return 0
        end,
        openat = function(c) fake_dir = c.pathname == "/tmp" end,
        getdents64 = function(c)
          if not fake_dir then return end
          if c.proc.data.listed then return 0 end
          c.proc.data.listed = true
          local e = { d_name = "only-this", d_type = 8 }
          c.dirp = { e }
          RECORD("dirents")
          return #require("ttlua.structs").encode("linux_dirent64", e)
        end,
      }
    ]]
    local r = H.run({ pol, "--", "/usr/bin/python3", "-c", [[
import os, time
st = os.fstat(0)
print(st.st_size, oct(st.st_mode), st.st_nlink)
print(time.clock_gettime(time.CLOCK_REALTIME))
u = os.uname()
print(u.nodename, u.release)
print(sorted(os.listdir('/tmp')))
]] }, { stdin = "" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("4242 0o100644 7\n1000000000.0\nfakehost 9.9.9\n['only-this']\n", r.out)
    assert.are.same({ { "dirents" } }, H.records(rec))
  end)

  it("a bad output buffer turns the result into EFAULT", function()
    local pol = H.policy [[
      return { clock_gettime = function(c) c.tp = { tv_sec = 1 }; return 0 end }
    ]]
    local r = H.run({ pol, "--", "/usr/bin/python3", "-c", [[
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
print(libc.syscall(228, 0, ctypes.c_void_p(8)), ctypes.get_errno())
]] })
    assert.are.equal("-1 14\n", r.out)
  end)
end)
