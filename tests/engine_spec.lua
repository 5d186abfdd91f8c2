-- The engine core (issue 2): every scenario checks what the traced program
-- did (its output and status) and what the policy saw (its records).
local H = require "tests.helper"

local progs = H.progs

describe("echo under passthru", function()
  it("prints hello world and logs write and brk", function()
    local r = H.run({ "--", "/bin/echo", "hello world" })
    assert.are.equal(0, r.status)
    assert.are.equal("hello world\n", r.out)
    assert.truthy(r.err:find('write%(1, "hello world\\n", 12%)%s+= 12\n'), r.err)
    assert.truthy(r.err:find("\nbrk%(NULL%)%s+= 0x%x+\n"), r.err)
    assert.truthy(r.err:find('^execve%("/bin/echo", %["/bin/echo", "hello world"%], 0x%x+ /%* %d+ vars %*/%) = 0\n'))
    assert.truthy(r.err:find("\nexit_group%(0%)%s+= %?\n%+%+%+ exited with 0 %+%+%+\n$"), r.err)
  end)

  it("a policy sees write and brk with typed arguments", function()
    local pol, rec = H.policy [[
      return {
        write = function(c) RECORD("write", c.fd, c.buf, c.count) end,
        brk = function(c) RECORD("brk", c.addr) end,
      }
    ]]
    local r = H.run({ pol, "--", "/bin/echo", "hello world" })
    assert.are.equal(0, r.status)
    assert.are.equal("hello world\n", r.out)
    local got = H.records(rec)
    local writes, brks = {}, 0
    for _, e in ipairs(got) do
      if e[1] == "write" then writes[#writes + 1] = e end
      if e[1] == "brk" then brks = brks + 1 end
    end
    assert.are.same({ { "write", 1, "hello world\n", 12 } }, writes)
    assert.is_true(brks >= 1)
  end)
end)

describe("cat of a known file", function()
  it("sees openat/read/write/close and copies the file", function()
    local data = {}
    for i = 1, 3000 do data[i] = ("line %d of the test file\n"):format(i) end
    local path = H.writefile(H.tmpname(".txt"), table.concat(data))
    local pol, rec = H.policy(([[
      local want = %q
      local fds = {}
      return {
        openat = function(c)
          local fd = c:run()
          if c.pathname == want then fds[fd] = true; RECORD("open", c.flags, fd) end
        end,
        read = function(c)
          local n = c:run()
          if fds[c.fd] then RECORD("read", n) end
        end,
        write = function(c) local n = c:run(); if c.fd == 1 then RECORD("write", n) end end,
        close = function(c) if fds[c.fd] then RECORD("close", c.fd) end end,
      }
    ]]):format(path))
    -- through a pipe: to a regular file, cat would use copy_file_range
    local r = H.run({ pol, "--", "/bin/cat", path }, { pipe = true })
    assert.are.equal(0, r.status)
    assert.are.equal(table.concat(data), r.out)
    local got = H.records(rec)
    assert.are.equal("open", got[1][1])
    assert.are.equal(0, got[1][2]) -- O_RDONLY
    local fd = got[1][3]
    local read_total, write_total, closed = 0, 0, false
    for _, e in ipairs(got) do
      if e[1] == "read" then read_total = read_total + e[2] end
      if e[1] == "write" then write_total = write_total + e[2] end
      if e[1] == "close" then closed = e[2] == fd end
    end
    assert.are.equal(#table.concat(data), read_total)
    assert.are.equal(#table.concat(data), write_total)
    assert.is_true(closed)
  end)
end)

describe("date with a fixed clock", function()
  it("removes the vDSO, intercepts clock_gettime and prints the fake date", function()
    local pol, rec = H.policy [[
      local ffi = require "ffi"
      return {
        clock_gettime = function(c)
          RECORD("clock_gettime", c.clockid)
          local ts = ffi.new("int64_t[2]", 1700000000, 0) -- 2023-11-14T22:13:20Z
          assert(c.proc:write(c:raw(2), ffi.string(ts, 16)))
          return 0
        end,
      }
    ]]
    local r = H.run({ pol, "--", "date", "-u", "+%F %T" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("2023-11-14 22:13:20\n", r.out)
    local got = H.records(rec)
    assert.is_true(#got >= 1)
    assert.are.equal(0, got[1][2]) -- CLOCK_REALTIME
  end)

  it("without the policy, date uses the real clock (vDSO kept, nothing logged)", function()
    local r = H.run({ "--", "date", "-u", "+%Y" })
    assert.are.equal(0, r.status)
    assert.are.equal(os.date("!%Y") .. "\n", r.out)
    assert.is_nil(r.err:find("clock_gettime"))
  end)
end)

describe("fork, vfork, clone and threads", function()
  local function run_forks(mode)
    local pol, rec = H.policy [[
      return {
        write = function(c)
          if c.fd == 1 then
            local role, tid = c.buf:match("^(%S+) (%d+)\n$")
            if role then RECORD(role, tonumber(tid), c.tid, c.proc.pid) end
          end
        end,
        exit_group = function(c) RECORD("exit_group", c.status, c.proc.pid) end,
      }
    ]]
    local r = H.run({ pol, "--", progs .. "/forks", mode })
    return r, H.records(rec)
  end

  it("sees the calls of every child and thread with the right exit codes", function()
    local r, got = run_forks("all")
    assert.are.equal(0, r.status, r.err)
    assert.truthy(r.out:find("fork%-status 3\n"))
    assert.truthy(r.out:find("vfork%-status 0\n"))
    assert.truthy(r.out:find("clone%-status 5\n"))
    assert.truthy(r.out:find("threads%-joined 4\n"))
    local roles = {}
    local known = { main = 1, ["fork-child"] = 1, ["clone-child"] = 1, thread = 1, grandchild = 1 }
    for _, e in ipairs(got) do
      if known[e[1]] then
        roles[e[1]] = (roles[e[1]] or 0) + 1
        assert.are.equal(e[2], e[3]) -- the policy saw the writer's own tid
      end
    end
    assert.are.equal(1, roles.main)
    assert.are.equal(1, roles["fork-child"])
    assert.are.equal(1, roles["clone-child"])
    assert.are.equal(4, roles.thread)
    assert.are.equal(1, roles.grandchild)
    local codes = {}
    for _, e in ipairs(got) do
      if e[1] == "exit_group" then codes[e[2]] = true end
    end
    assert.is_true(codes[3] and codes[7] and codes[0] or false)
  end)

  it("keeps tracing a grandchild whose parent has exited", function()
    local r, got = run_forks("orphan")
    assert.are.equal(0, r.status)
    local grandchild
    for _, e in ipairs(got) do
      if e[1] == "grandchild" then grandchild = e end
    end
    assert.is_not_nil(grandchild)
    -- its line is printed after the parent reported the middle child's exit
    assert.truthy(r.out:find("orphan%-parent%-status 0\ngrandchild %d+\n"), r.out)
  end)

  it("logs each thread with [pid N] and ends every thread", function()
    local r = H.run({ "--", progs .. "/forks", "threads" })
    assert.are.equal(0, r.status)
    assert.are.equal(4, H.count(r.err, '^%[pid%s+%d+%] write%(1, "thread %d+\\n", %d+'))
    assert.are.equal(5, H.count(r.err, "%+%+%+ exited with 0 %+%+%+"))
  end)

  it("exits with the command's status and 128+N when killed", function()
    assert.are.equal(3, H.run({ "--", "sh", "-c", "exit 3" }).status)
    assert.are.equal(128 + 9, H.run({ "--", "sh", "-c", "kill -9 $$" }).status)
    local r = H.run({ "--", "sh", "-c", "kill -9 $$" })
    assert.truthy(r.err:find("%+%+%+ killed by SIGKILL %+%+%+\n$"), r.err)
  end)
end)

describe("networking on 127.0.0.1", function()
  local policy_src = [[
    return {
      accept = function(c) local fd = c:run(); RECORD("accept", fd) end,
      accept4 = function(c) local fd = c:run(); RECORD("accept", fd) end,
      connect = function(c) local r = c:run(); RECORD("connect", r, c.addrlen) end,
      sendto = function(c) local n = c:run(); RECORD("send", n) end,
      recvfrom = function(c) local n = c:run(); RECORD("recv", n) end,
    }
  ]]
  local function check(mode)
    local pol, rec = H.policy(policy_src)
    local r = H.run({ pol, "--", progs .. "/net", mode }, { timeout = 30 })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("ok sent=200000 echoed=200000\n", r.out)
    local sent, received, accepted, connected = 0, 0, false, false
    for _, e in ipairs(H.records(rec)) do
      if e[1] == "send" and e[2] > 0 then sent = sent + e[2] end
      if e[1] == "recv" and e[2] > 0 then received = received + e[2] end
      if e[1] == "accept" then accepted = e[2] >= 0 end
      if e[1] == "connect" then connected = e[2] == 0 and e[3] == 16 end
    end
    assert.is_true(accepted)
    assert.is_true(connected)
    -- both directions: 200000 bytes one way, the count echoed back
    assert.are.equal(200000 + 6, sent)
    assert.are.equal(200000 + 6, received)
  end

  it("two threads of one process exchange the bytes without deadlock", function()
    check("threads")
  end)

  it("two processes exchange the bytes without deadlock", function()
    check("fork")
  end)
end)

describe("sqlite3", function()
  local function sqlite_run(prefix)
    local dir = H.tmpname(".db.d")
    os.execute("mkdir -p " .. dir)
    local sql = "PRAGMA journal_mode=DELETE; CREATE TABLE t(a INTEGER, b TEXT);" ..
      " BEGIN; INSERT INTO t VALUES (1, 'one'); INSERT INTO t VALUES (2, 'two'); COMMIT;" ..
      " INSERT INTO t VALUES (3, 'three'); SELECT a, b FROM t ORDER BY a;"
    return H.sh(("cd %s && %s sqlite3 test.db %s"):format(dir, prefix, H.q(sql)))
  end

  it("gives the native result and logs the journal's life and sqlite's calls", function()
    local native = sqlite_run("")
    local st = H.tmpname(".strace")
    sqlite_run("strace -f -o " .. st)
    local traced = sqlite_run(H.q(H.ttlua) .. " --")
    assert.are.equal(0, native.status)
    assert.are.equal(native.out, traced.out)
    assert.are.equal("delete\n1|one\n2|two\n3|three\n", traced.out)
    local log = traced.err
    assert.truthy(log:find('unlink%("[^"]*test%.db%-journal"%)%s+= 0'), log)
    local slog = H.readfile(st) or ""
    for _, name in ipairs({ "fsync", "fdatasync", "pwrite64", "pread64", "lseek", "getcwd" }) do
      local in_strace = slog:find("%f[%w]" .. name .. "%(") ~= nil
      local in_ttlua = log:find("%f[%w]" .. name .. "%(") ~= nil
      assert.are.equal(in_strace, in_ttlua, name .. " seen by strace but not ttlua, or the reverse")
    end
    assert.truthy(log:find("%f[%w]fsync%(") or log:find("%f[%w]fdatasync%("))
    assert.truthy(log:find("%f[%w]pwrite64%("))
  end)
end)

describe("the policy API", function()
  local file
  setup(function()
    file = H.writefile(H.tmpname(".txt"), "the real content\n")
  end)

  it("refusing with -E.EACCES makes cat fail with Permission denied", function()
    local pol, rec = H.policy(([[
      local E = require("ttlua").errno
      return { openat = function(c)
        if c.pathname == %q then RECORD("refused", c.pathname); return -E.EACCES end
      end }
    ]]):format(file))
    local r = H.run({ pol, "--", "/bin/cat", file })
    assert.are.equal(1, r.status)
    assert.are.equal("", r.out)
    assert.truthy(r.err:find("Permission denied"))
    assert.are.same({ { "refused", file } }, H.records(rec))
  end)

  it("rewriting call.pathname opens the other file", function()
    local other = H.writefile(H.tmpname(".txt"), "the rewritten content\n")
    local pol, rec = H.policy(([[
      return { openat = function(c)
        if c.pathname == %q then
          c.pathname = %q
          local fd = c:run()
          RECORD(c.pathname, fd)
        end
      end }
    ]]):format(file, other))
    local r = H.run({ pol, "--", "/bin/cat", file })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("the rewritten content\n", r.out)
    local got = H.records(rec)
    assert.are.equal(other, got[1][1]) -- the policy reads back what the kernel saw
    assert.is_true(got[1][2] >= 0)
  end)

  it("an integer argument can be rewritten", function()
    local pol = H.policy [[
      return { write = function(c) if c.fd == 1 and c.count == 11 then c.count = 5 end end }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "write", "hello world" })
    assert.are.equal("hello n=5\n", r.out)
  end)

  it("returning a value after call:run() overrides the result", function()
    local pol, rec = H.policy [[
      return { getpid = function(c) local real = c:run(); RECORD(real); return 4242 end }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "getpid" })
    assert.are.equal(0, r.status)
    assert.are.equal("4242\n", r.out)
    local real = H.records(rec)[1][1]
    assert.is_true(real > 1 and real ~= 4242)
  end)

  it("proc.data is per process: copied at fork, kept by the parent", function()
    local pol, rec = H.policy [[
      return {
        write = function(c)
          if c.fd ~= 1 then return end
          local d = c.proc.data
          d.writes = (d.writes or 0) + 1
          RECORD(c.buf:match("^%S+"), d.writes)
        end,
      }
    ]]
    local r = H.run({ pol, "--", progs .. "/forks", "fork" })
    assert.are.equal(0, r.status)
    -- parent: main (1), fork-status (2: the child's write did not count here);
    -- child: starts from the parent's copy (1), then fork-child (2)
    assert.are.same({ { "main", 1 }, { "fork-child", 2 }, { "fork-status", 2 } }, H.records(rec))
  end)

  it("a handler error prints a traceback with file:line and the call proceeds", function()
    local pol = H.policy [[
      return { openat = function(c)
        local t = nil
        return t.field -- line 13 of the policy file
      end }
    ]]
    local r = H.run({ pol, "--", "/bin/cat", file })
    assert.are.equal("the real content\n", r.out)
    assert.truthy(r.err:find(pol:gsub("%p", "%%%0") .. ":13: attempt to index"), r.err)
    assert.truthy(r.err:find("stack traceback"))
    assert.are.equal(1, r.status) -- cat succeeded, but the policy failed
  end)
end)

describe("bad input", function()
  local function one_line(s)
    return select(2, s:gsub("\n", "")) == 1 and s:match("^ttlua: ") ~= nil
  end

  -- args: the words before the command ("CMD" stands for a sleep command
  -- unique to the case, whose process must not exist afterwards)
  local cases = {
    { "a missing policy", { "/nonexistent/policy.lua", "--", "CMD" }, "cannot open policy" },
    { "a Lua syntax error", "syntax", "%.lua:2: .*expected" },
    { "an unknown syscall name", "unknown", 'unknown syscall "opnat".*did you mean openat' },
    { "a non-function handler", "notfn", 'handler "read" is a string' },
    { "a missing command", { "--", "/nonexistent/command" }, "No such file or directory", 127 },
    { "a command not on PATH", { "--", "no-such-command-xyz" }, "command not found", 127 },
    { "a non-executable command", "noexec", "Permission denied", 126 },
    { "no command", {}, "no command" },
    { "an unknown option", { "--frobnicate", "--", "CMD" }, "unknown option" },
  }
  for _, case in ipairs(cases) do
    it("answers " .. case[1] .. " with one line and a non-zero exit", function()
      local args = case[2]
      if args == "syntax" then
        args = { H.writefile(H.tmpname(".lua"), "return {\n  read = function(c) c. = 1 end\n}\n"),
                 "--", "CMD" }
      elseif args == "unknown" then
        args = { H.writefile(H.tmpname(".lua"), "return { opnat = function() end }"), "--", "CMD" }
      elseif args == "notfn" then
        args = { H.writefile(H.tmpname(".lua"), "return { read = 'yes' }"), "--", "CMD" }
      elseif args == "noexec" then
        local f = H.writefile(H.tmpname(".sh"), "#!/bin/sh\necho hi\n")
        args = { "--", f }
      end
      local cmd, marker = H.unique_sleep()
      local words = {}
      for _, a in ipairs(args) do
        if a == "CMD" then
          for _, w in ipairs(cmd) do words[#words + 1] = w end
        else
          words[#words + 1] = a
        end
      end
      local r = H.run(words)
      assert.are_not.equal(0, r.status)
      if case[4] then assert.are.equal(case[4], r.status) end
      assert.is_true(one_line(r.err), r.err)
      assert.truthy(r.err:find(case[3]), r.err)
      assert.are.equal("", H.leftovers(marker))
    end)
  end

  it("a handler returning a string: one line naming the policy line, the call proceeds", function()
    local pol = H.policy "return { getpid = function(c) return 'nope' end }\n"
    local r = H.run({ pol, "--", progs .. "/calls", "getpid" })
    assert.truthy(r.out:match("^%d+\n$"))
    assert.truthy(r.err:find(pol:gsub("%p", "%%%0") .. ":11: handler getpid returned a string"), r.err)
    assert.are.equal(1, r.status)
  end)

  it("leaves no traced process behind when a policy fails to load", function()
    local cmd, marker = H.unique_sleep()
    local r = H.run({ H.writefile(H.tmpname(".lua"), "error('boom')"), "--", cmd[1], cmd[2] })
    assert.are_not.equal(0, r.status)
    assert.truthy(r.err:find("boom"))
    assert.are.equal("", H.leftovers(marker))
  end)
end)

describe("signals", function()
  local function same_as_native(mode, status)
    local native = H.sh(H.q(progs .. "/signals") .. " " .. mode)
    local r = H.run({ "--", progs .. "/signals", mode })
    assert.are.equal(native.out, r.out)
    assert.are.equal(native.status, r.status)
    if status then assert.are.equal(status, r.status) end
    return r
  end

  it("a caught signal reaches its handler", function()
    local r = same_as_native("handler", 0)
    assert.are.equal("caught 10\n", r.out)
    assert.truthy(r.err:find("%-%-%- SIGUSR1 {si_signo=SIGUSR1"), r.err)
  end)

  it("SIGSTOP and SIGCONT keep job-control semantics (no lost stop)", function()
    local r = same_as_native("stop", 0)
    assert.are.equal("child stopped 1 by 19\nchild continued\nchild exited 9\n", r.out)
    assert.truthy(r.err:find("%-%-%- stopped by SIGSTOP %-%-%-"), r.err)
  end)

  it("an ignored signal is harmless and SIGTERM still kills (143)", function()
    local r = same_as_native("ignored", 143)
    assert.are.equal("survived SIGUSR2\n", r.out)
    assert.truthy(r.err:find("%+%+%+ killed by SIGTERM %+%+%+\n$"), r.err)
  end)
end)

describe("exec", function()
  it("from a non-leader thread runs the new program, still traced", function()
    local r = H.run({ "-o", H.tmpname(".log"), "--", progs .. "/thread_exec" })
    assert.are.equal(0, r.status)
    assert.are.equal("exec from a thread\n", r.out)
    local pol, rec = H.policy [[
      return {
        execve = function(c) RECORD("execve", c.pathname, c.tid, c.proc.pid) end,
        write = function(c) RECORD("write", c.buf, c.tid, c.proc.pid) end,
      }
    ]]
    r = H.run({ pol, "--", progs .. "/thread_exec" })
    assert.are.equal("exec from a thread\n", r.out)
    local got = H.records(rec)
    local exec2 = got[2]
    assert.are.equal("/bin/echo", exec2[2])
    assert.are_not.equal(exec2[3], exec2[4]) -- made by a thread that is not the leader
    local last = got[#got]
    assert.are.same({ "write", "exec from a thread\n", exec2[4], exec2[4] }, last)
  end)

  it("scratch memory is mapped afresh after exec: a rewritten path works before and after", function()
    local target = H.writefile(H.tmpname(".txt"), "redirected\n")
    local pol, rec = H.policy(([[
      return { openat = function(c)
        if c.pathname ~= "/x" then return end
        c.pathname = %q -- a longer string: it goes to scratch memory
        local fd = c:run()
        RECORD(c.proc.pid, c.pathname, fd >= 0)
      end }
    ]]):format(target))
    -- sh opens /x itself (the redirect) before its exec, then cat, in the
    -- same process, opens it after: its old scratch mapping is gone
    local r = H.run({ pol, "--", "sh", "-c", 'cat /x; read l </x; echo "sh: $l"; exec cat /x' })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("redirected\nsh: redirected\nredirected\n", r.out)
    local got = H.records(rec)
    assert.are.equal(3, #got)
    for _, e in ipairs(got) do assert.are.same({ e[1], target, true }, e) end
    assert.are_not.equal(got[1][1], got[2][1]) -- the first cat is a child
    assert.are.equal(got[2][1], got[3][1])     -- sh and the exec'd cat: one process
  end)

  it("passthru prints strace's superseded line", function()
    local r = H.run({ "--", progs .. "/thread_exec" })
    assert.truthy(r.err:find("%+%+%+ superseded by execve in pid %d+ %+%+%+"), r.err)
  end)
end)

describe("tracee memory", function()
  it("read, readstr and write work and a bad address gives nil, err", function()
    local pol, rec = H.policy [[
      return { openat = function(c)
        if c.pathname ~= "/some/path" then return end
        local addr = c:raw(2)
        local s = c.proc:readstr(addr)
        local head = c.proc:read(addr, 4)
        local bad, err = c.proc:read(8, 16)
        local bad2, err2 = c.proc:readstr(0x10)
        local wbad, werr = c.proc:write(16, "x")
        -- a kernel-space address and the last page of user space: both unmapped
        local wbad2, werr2 = c.proc:write(0xffff800000000000ULL, "x")
        local bad3, err3 = c.proc:read(0x7ffffffff000ULL, 8)
        RECORD(s, head, tostring(bad), err, tostring(bad2), err2, tostring(wbad), werr,
          tostring(wbad2), werr2, tostring(bad3), err3)
        return -2
      end }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "open", "/some/path" })
    assert.are.equal("errno 2\n", r.out)
    -- EFAULT as process_vm_writev (and the kernel for a syscall) give it,
    -- not the EIO of the /proc/PID/mem fallback
    local efault = "EFAULT: Bad address"
    assert.are.same({ "/some/path", "/som", "nil", efault, "nil", efault, "nil", efault,
      "nil", efault, "nil", efault }, H.records(rec)[1])
  end)

  it("proc:write still writes a read-only page (through /proc/PID/mem)", function()
    local pol, rec = H.policy [[
      return { openat = function(c)
        if c.pathname ~= "/ro" then return end
        -- a read-only private mapping of the program (its ELF header page)
        local maps = io.open("/proc/" .. c.proc.pid .. "/maps"):read("*a")
        local lo = maps:match("(%x+)%-%x+ r%-%-p [^\n]*/calls\n")
        local addr = tonumber(lo, 16) + 64
        local n, err = c.proc:write(addr, "/RO\0")
        RECORD(tostring(n), tostring(err), (c.proc:readstr(addr)))
        return -2
      end }
    ]]
    H.run({ pol, "--", progs .. "/calls", "open", "/ro" })
    assert.are.same({ { "4", "nil", "/RO" } }, H.records(rec))
  end)

  it("a read spanning into an unmapped page returns the readable head", function()
    local pol, rec = H.policy [[
      return { openat = function(c)
        if c.pathname ~= "/x" then return end
        -- the stack's top page is mapped; find the end of the mapping
        local maps = io.open("/proc/" .. c.proc.pid .. "/maps"):read("*a")
        local hi = maps:match("%x+%-(%x+) [^\n]*%[stack%]")
        local top = tonumber(hi, 16)
        local s = c.proc:read(top - 100, 300)
        RECORD(#s)
        return -2
      end }
    ]]
    H.run({ pol, "--", progs .. "/calls", "open", "/x" })
    assert.are.same({ { 100 } }, H.records(rec))
  end)
end)

describe("the command line", function()
  it("-o FILE writes the log to FILE with a PID column", function()
    local log = H.tmpname(".log")
    local r = H.run({ "-o", log, "--", "/bin/echo", "hi" })
    assert.are.equal("hi\n", r.out)
    assert.are.equal("", r.err)
    local text = H.readfile(log)
    assert.truthy(text:find('^%d+ +execve%("/bin/echo"'), text)
    assert.truthy(text:find('\n%d+ +write%(1, "hi\\n", 3%) += 3\n'), text)
  end)

  it("-s N limits printed strings", function()
    local r = H.run({ "-s", "5", "--", "/bin/echo", "hello world" })
    assert.truthy(r.err:find('write%(1, "hello"%.%.%., 12%)'), r.err)
    r = H.run({ "-s", "64", "--", "/bin/echo", "hello world" })
    assert.truthy(r.err:find('write%(1, "hello world\\n", 12%)'), r.err)
  end)

  it("-E CHUNK is an inline policy with E in scope", function()
    local f = H.writefile(H.tmpname(".txt"), "secret\n")
    local r = H.run({ "-E", ("function openat(c) if c.pathname == %q then return -E.EPERM end end")
      :format(f), "--", "/bin/cat", f })
    assert.are.equal(1, r.status)
    assert.truthy(r.err:find("Operation not permitted"), r.err)
  end)

  it("finds the command on PATH and passes its arguments unchanged", function()
    local r = H.run({ "--", "sh", "-c", 'printf "%s|" "$@"', "sh", "a b", "", "c" })
    assert.are.equal("a b||c|", r.out)
  end)

  it("--help and --version", function()
    local r = H.run({ "--help" })
    assert.are.equal(0, r.status)
    assert.truthy(r.out:find("usage: ttlua"))
    r = H.run({ "-V" })
    assert.are.equal(0, r.status)
    assert.truthy(r.out:match("^ttlua %d+%.%d+%.%d+\n$"))
  end)

  it("--no-vdso makes passthru see clock_gettime", function()
    local r = H.run({ "--no-vdso", "--", "date", "+%s" })
    assert.are.equal(0, r.status)
    assert.truthy(r.err:find("\nclock_gettime%("), r.err)
  end)

  it("works from any directory, and after make install", function()
    local prefix = H.tmpname(".prefix")
    local inst = H.sh(("make -s install PREFIX=%s >/dev/null"):format(prefix))
    assert.are.equal(0, inst.status, inst.err)
    local r = H.sh(("cd / && %s/bin/ttlua -- /bin/echo installed"):format(prefix))
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("installed\n", r.out)
    assert.truthy(r.err:find('write%(1, "installed\\n"'))
  end)
end)
