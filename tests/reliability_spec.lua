-- Reliability and security (issue 7): a traced program behaves as it does
-- natively, the log misses nothing, no tracee escapes the tracer, and bad
-- input is answered with one line, a non-zero exit and nothing left behind.
local H = require "tests.helper"

local progs = H.progs

-- A fresh, empty directory at the same path for each run (randsys prints
-- getcwd's length, so the path must not change between runs).
local function fresh_dir(path)
  os.execute("rm -rf " .. H.q(path) .. " && mkdir -p " .. H.q(path))
  return path
end

-- Process state letter of pid, or nil when it is gone.
local function proc_state(pid)
  local s = H.readfile("/proc/" .. pid .. "/stat")
  return s and s:match("^%d+ %b() (%a)")
end

local function wait_for(pred, what)
  for _ = 1, 300 do
    if pred() then return true end
    os.execute("sleep 0.05")
  end
  error("timed out waiting for " .. what)
end

describe("differential random syscalls", function()
  local dir = H.tmpdir() .. "/randsys"
  local n = tonumber(os.getenv("RANDSYS_CALLS")) or 10000
  for _, seed in ipairs({ 1, 2 }) do
    it(("seed %d, %d calls: native, passthru and call:run() print the same"):format(seed, n), function()
      local cmd = { progs .. "/randsys", tostring(seed), tostring(n), dir }
      fresh_dir(dir)
      local native = H.sh(table.concat({ H.q(cmd[1]), cmd[2], cmd[3], H.q(dir) }, " "))
      assert.are.equal(0, native.status, native.err)
      assert.truthy(native.out:find("\ndone usr1=%d+\n$"))
      fresh_dir(dir)
      local log = H.tmpname(".log")
      local passthru = H.run({ "-o", log, "--", unpack(cmd) })
      assert.are.equal(0, passthru.status, passthru.err)
      assert.are.equal(native.out, passthru.out)
      fresh_dir(dir)
      local pol = H.policy "return { default = function(c) c:run() end }\n"
      local run = H.run({ pol, "--", unpack(cmd) })
      assert.are.equal(0, run.status, run.err)
      assert.are.equal(native.out, run.out)
      -- and the log shows the calls with bad arguments it ran
      local text = H.readfile(log)
      assert.truthy(text:find("= %-1 EFAULT"), "no EFAULT in the log")
      assert.truthy(text:find("= %-1 EBADF"), "no EBADF in the log")
    end)
  end
end)

describe("log completeness", function()
  it("passthru logs exactly as many calls as the program made, threads included", function()
    local log = H.tmpname(".log")
    local r = H.run({ "-o", log, "--", progs .. "/logcount" })
    assert.are.equal(0, r.status)
    assert.are.equal("getuid 200 umask 50 getppid 1000 sched_yield 400\n", r.out)
    local text = H.readfile(log)
    -- "-o FILE" puts the tid first; "<... NAME resumed>" ends a line, not a call
    local want = { getuid = 200, umask = 50, getppid = 1000, sched_yield = 400 }
    for name, count in pairs(want) do
      local n = 0
      for line in text:gmatch("[^\n]+") do
        if line:match("^%d+%s+" .. name .. "%(") then n = n + 1 end
      end
      assert.are.equal(count, n, name)
    end
  end)
end)

describe("no escape", function()
  local function run(mode, pol)
    local args = { "-o", H.tmpname(".log"), "--", progs .. "/escape", mode }
    if pol then table.insert(args, 1, pol) end
    return H.run(args)
  end

  it("a clone with CLONE_UNTRACED makes a traced child (it is untraced natively)", function()
    local native = H.sh(H.q(progs .. "/escape") .. " untraced")
    assert.are.equal("clone child traced=0\n", native.out)
    assert.are.equal("clone child traced=1\n", run("untraced").out)
    local pol = H.policy "return { getpid = function() end }\n"
    assert.are.equal("clone child traced=1\n", run("untraced", pol).out)
  end)

  it("so does clone3 with CLONE_UNTRACED, whatever the policy handles", function()
    assert.are.equal("clone3 child traced=1\n", run("clone3").out)
    local pol = H.policy "return { getpid = function() end }\n"
    assert.are.equal("clone3 child traced=1\n", run("clone3", pol).out)
  end)

  it("clone3 is safe from a thread setting CLONE_UNTRACED after the check", function()
    local r = run("clone3-race", H.policy "return {}\n")
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("clone3-race untraced children: 0\n", r.out)
  end)

  it("an int 0x80 clone with CLONE_UNTRACED makes a traced child", function()
    assert.are.equal("int80-clone child traced=1\n", run("int80-clone").out)
  end)

  it("PTRACE_TRACEME and attaching to a tracee or to ttlua fail with EPERM", function()
    assert.are.equal("traceme = 0 \n", H.sh(H.q(progs .. "/escape") .. " traceme").out)
    assert.are.equal("traceme = -1 Operation not permitted\n", run("traceme").out)
    assert.are.equal("seize child = -1 Operation not permitted\n", run("attach-child").out)
    local pol = H.policy "return {}\n"
    for _, p in ipairs({ false, pol }) do
      assert.are.equal("seize parent = -1 Operation not permitted\n"
        .. "attach parent = -1 Operation not permitted\n", run("attach-parent", p or nil).out)
    end
  end)

  it("int 0x80 calls are decoded with the i386 table, or refused when handled", function()
    local log = H.tmpname(".log")
    local r = H.run({ "-o", log, "--", progs .. "/escape", "int80" })
    assert.are.equal("int80 getpid ok\nint80 write\nint80 write = 12\n", r.out)
    local text = H.readfile(log)
    assert.truthy(text:find("runs in 32 bit mode"), text)
    -- i386 getpid is 20, write 4: shown by name, not as x86_64's 20 (writev)
    -- and 4 (stat)
    assert.truthy(text:find('\n%d+ +write%(1, "int80 write\\n", 12%) += 12\n'), text)
    assert.falsy(text:find("writev%("), text)
    local pol, rec = H.policy [[
      return { getpid = function(c) RECORD(c.arch) end }
    ]]
    r = H.run({ pol, "--", progs .. "/escape", "int80" })
    -- the 64-bit getpid reaches the handler, the 32-bit one is refused
    assert.are.equal("int80 getpid differs\nint80 write\nint80 write = 12\n", r.out)
    assert.are.same({ { 0 } }, H.records(rec))
  end)

  it("x32 calls are decoded with the x32 table, or refused when handled", function()
    local log = H.tmpname(".log")
    local r = H.run({ "-o", log, "--", progs .. "/escape", "x32" })
    assert.are.equal("x32 getpid = -1 Function not implemented\n", r.out)
    local text = H.readfile(log)
    assert.truthy(text:find("runs in x32 mode"), text)
    assert.truthy(text:find("\n%d+ +getpid%(%) += %-1 ENOSYS"), text)
    local pol, rec = H.policy "return { getpid = function(c) RECORD(c.arch) end }\n"
    r = H.run({ pol, "--", progs .. "/escape", "x32" })
    assert.are.equal("x32 getpid = -1 Function not implemented\n", r.out)
    assert.are.same({}, H.records(rec))
  end)

  it("when ttlua is killed with SIGKILL, every tracee dies, grandchildren and orphans too", function()
    local file = H.tmpname(".pids")
    local pidfile = H.tmpname(".pid")
    os.execute(("%s -o /dev/null -- %s %s >/dev/null 2>&1 & echo $! > %s"):format(
      H.q(H.ttlua), H.q(progs .. "/tree"), H.q(file), H.q(pidfile)))
    local ttlua_pid = tonumber(H.readfile(pidfile))
    wait_for(function() return (H.readfile(file) or ""):find("ready") end, "the tree")
    local pids = {}
    for pid in H.readfile(file):gmatch("%a+ (%d+)") do pids[#pids + 1] = pid end
    assert.are.equal(4, #pids)
    for _, pid in ipairs(pids) do assert.truthy(proc_state(pid)) end
    os.execute("kill -KILL " .. ttlua_pid)
    for _, pid in ipairs(pids) do
      wait_for(function()
        local st = proc_state(pid)
        return st == nil or st == "Z"
      end, "process " .. pid .. " to die")
    end
  end)
end)

describe("-p PID", function()
  local ticker, count_file

  before_each(function()
    count_file = H.tmpname(".count")
    local pidfile = H.tmpname(".pid")
    os.execute(("setsid %s %s >/dev/null 2>&1 < /dev/null & echo $! > %s"):format(
      H.q(progs .. "/ticker"), H.q(count_file), H.q(pidfile)))
    ticker = tonumber(H.readfile(pidfile))
    wait_for(function() return tonumber(H.readfile(count_file) or "") end, "the ticker")
  end)

  after_each(function()
    os.execute("kill -KILL " .. ticker .. " 2>/dev/null")
  end)

  local function count()
    return tonumber(H.readfile(count_file) or "") or 0
  end

  -- After ttlua let it go: not traced, not stopped, and still counting.
  local function still_works()
    local status = H.readfile("/proc/" .. ticker .. "/status")
    assert.truthy(status:find("\nTracerPid:%s+0\n"), status)
    local st = proc_state(ticker)
    assert.truthy(st == "S" or st == "R", st)
    local before = count()
    wait_for(function() return count() > before + 3 end, "the count to grow")
  end

  it("sees every thread, and ttlua.detach() lets the process go on", function()
    local pol, rec = H.policy [[
      local writes, tids = 0, {}
      return {
        pwrite64 = function(c)
          writes = writes + 1
          if writes == 20 then ttlua.detach() end
        end,
        getppid = function(c) tids[c.tid] = true end,
        on_finish = function()
          local n = 0
          for _ in pairs(tids) do n = n + 1 end
          RECORD(writes, n)
        end,
      }
    ]]
    local r = H.run({ pol, "-p", tostring(ticker) })
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ { 20, 1 } }, H.records(rec))
    still_works()
  end)

  it("SIGINT detaches cleanly and exits 130; the log ends the call in progress", function()
    local log = H.tmpname(".log")
    local r = H.sh(("set -m; %s -o %s -p %d & t=$!; "
      .. "for i in $(seq 100); do [ -s %s ] && break; sleep 0.05; done; "
      .. "kill -INT $t; wait $t"):format(H.q(H.ttlua), H.q(log), ticker, H.q(log)))
    assert.are.equal(130, r.status, r.err)
    local text = H.readfile(log)
    assert.truthy(text:find("pwrite64%(3, \"%d+\\n\", %d+, 0%)"), text)
    still_works()
  end)

  it("a process stopped when attached stays stopped after, and SIGCONT resumes it", function()
    os.execute("kill -STOP " .. ticker)
    wait_for(function() return proc_state(ticker) == "T" end, "the stop")
    local r = H.sh(("set -m; %s -o /dev/null -p %d & t=$!; sleep 0.3; kill -INT $t; wait $t")
      :format(H.q(H.ttlua), ticker))
    assert.are.equal(130, r.status, r.err)
    assert.are.equal("T", proc_state(ticker))
    os.execute("kill -CONT " .. ticker)
    still_works()
  end)

  it("refuses a process that is not there, and ttlua itself", function()
    local r = H.run({ "-p", "999999999" })
    assert.are_not.equal(0, r.status)
    assert.truthy(r.err:match("^ttlua: cannot attach to 999999999: [^\n]+\n$"), r.err)
  end)
end)

describe("bad input", function()
  local function one_line(s)
    return select(2, s:gsub("\n", "")) == 1 and s:match("^ttlua: ") ~= nil
  end

  it("a policy path that is a directory: one line, exit 1", function()
    local dir = H.tmpdir() .. "/dir.lua"
    os.execute("mkdir -p " .. H.q(dir))
    local r = H.run({ dir, "--", "/bin/true" })
    assert.are.equal(1, r.status)
    assert.is_true(one_line(r.err), r.err)
    assert.truthy(r.err:find("dir.lua", 1, true), r.err)
  end)

  it("a command that is a directory exits 126 with one line", function()
    local r = H.run({ "--", H.tmpdir() })
    assert.are.equal(126, r.status)
    assert.is_true(one_line(r.err), r.err)
  end)

  it("a policy raising in every handler and hook: the program runs as natively", function()
    local pol = H.policy [[
      local P = {}
      function P.default(c) error("boom in " .. c.name) end
      for _, h in ipairs({ "on_start", "on_exec", "on_fork", "on_exit", "on_signal",
                           "on_stop", "on_finish" }) do
        P[h] = function() error("boom in " .. h) end
      end
      return P
    ]]
    local native = H.sh(H.q(progs .. "/signals") .. " stop")
    local r = H.run({ pol, "--", progs .. "/signals", "stop" })
    assert.are.equal(native.out, r.out)
    assert.are.equal(1, r.status) -- the program succeeded, the policy did not
    for _, h in ipairs({ "on_start", "on_exec", "on_fork", "on_exit", "on_signal", "on_stop",
                         "on_finish", "execve", "wait4", "write" }) do
      assert.truthy(r.err:find("boom in " .. h, 1, true), h)
    end
    assert.truthy(r.err:find(pol:gsub("%p", "%%%0") .. ":12: boom in write"), r.err)
    -- --strict: the first error kills the tracee
    r = H.run({ "--strict", pol, "--", progs .. "/signals", "stop" })
    assert.are.equal(137, r.status)
    assert.are.equal("", r.out)
  end)

  it("a handler that runs Lua out of memory: the call proceeds, file:line named", function()
    -- ulimit -v bounds the run; ASan's shadow memory cannot live under it
    if os.getenv("ASAN_OPTIONS") then
      pending("ulimit -v cannot bound an ASan build (its shadow memory does not fit)")
      return
    end
    local pol = H.policy [[
      return { write = function(c)
        local t = {}
        for i = 1, 1e9 do t[i] = ("x"):rep(1024 * 1024) .. i end
      end }
    ]]
    local r = H.sh(("ulimit -v 600000; %s %s -- /bin/echo hello"):format(H.q(H.ttlua), H.q(pol)))
    assert.are.equal("hello\n", r.out)
    assert.are.equal(1, r.status)
    assert.truthy(r.err:find(pol:gsub("%p", "%%%0") .. ":11%)?.*not enough memory"), r.err)
  end)

  it("a policy looping forever in on_start: SIGINT still ends ttlua and the command", function()
    local pol = H.policy "return { on_start = function() while true do end end }\n"
    local cmd, marker = H.unique_sleep()
    local r = H.sh(("set -m; %s %s -- sleep %s & t=$!; sleep 0.5; kill -INT $t; wait $t")
      :format(H.q(H.ttlua), H.q(pol), cmd[2]), { timeout = 30 })
    assert.are.equal(130, r.status)
    assert.truthy(r.err:find("interrupted"), r.err)
    assert.are.equal("", H.leftovers(marker))
  end)

  it("a 1 GiB length passed to read() returns what there is", function()
    local pol, rec = H.policy [[
      return { read = function(c)
        if c.fd == 0 then c.count = 1024 * 1024 * 1024 end
        local n = c:run()
        if c.fd == 0 then RECORD(n, c.count) end
      end }
    ]]
    -- cat reads a pipe with its buffer size; the policy makes the count
    -- 1 GiB: the kernel copies only the 6 bytes there are
    local r = H.sh(("printf 'hello\\n' | %s %s -- /bin/cat"):format(H.q(H.ttlua), H.q(pol)))
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("hello\n", r.out)
    assert.are.same({ 6, 1073741824 }, H.records(rec)[1])
  end)

  it("unreadable pointers in every string argument: no crash, the kernel's errors", function()
    -- every syscall of the table with a path or string argument, called with
    -- bad pointers there and harmless values elsewhere, natively and traced
    local list = H.tmpname(".nrs")
    local syscalls = require("ttlua.syscalls").arch("x86_64")
    local bit = require "bit"
    local nrs = {}
    local skip = { execve = true, execveat = true, reboot = true, init_module = true,
                   finit_module = true, kexec_load = true, kexec_file_load = true,
                   swapon = true, swapoff = true, acct = true, chroot = true, pivot_root = true,
                   umount2 = true, mount = true, sethostname = true, setdomainname = true }
    for _, spec in ipairs(syscalls.list) do
      local mask = 0
      for i, a in ipairs(spec.args) do
        if a.kind == "path" or a.kind == "str" then mask = bit.bor(mask, bit.lshift(1, i - 1)) end
      end
      if mask ~= 0 and not skip[spec.name] then nrs[#nrs + 1] = spec.nr .. " " .. mask end
    end
    assert.is_true(#nrs > 40, #nrs)
    H.writefile(list, table.concat(nrs, "\n") .. "\n")
    local native = H.sh(H.q(progs .. "/badstr") .. " < " .. H.q(list))
    assert.are.equal(0, native.status, native.err)
    local r = H.run({ "-o", H.tmpname(".log"), "--", progs .. "/badstr" }, { stdin = H.readfile(list) })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal(native.out, r.out)
    local pol = H.policy [[
      return { default = function(c)
        for i, a in ipairs(c.spec.args) do
          if a.kind == "path" or a.kind == "str" then local _ = c[a.name] end
        end
        c:run()
      end }
    ]]
    r = H.run({ pol, "--", progs .. "/badstr" }, { stdin = H.readfile(list) })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal(native.out, r.out)
  end)
end)

describe("no_new_privs", function()
  local function has_setpriv()
    return os.execute("command -v setpriv >/dev/null 2>&1") == 0 and
      os.execute("[ $(id -u) = 0 ]") == 0
  end

  it("is set only without CAP_SYS_ADMIN; a setuid program then gains nothing", function()
    if not has_setpriv() then
      pending("needs root and setpriv(1) to run a setuid program as another user")
      return
    end
    local r = H.run({ "-E", "function getpid() end", "--", "grep", "NoNewPrivs", "/proc/self/status" })
    assert.are.equal("NoNewPrivs:\t0\n", r.out)
    -- a copy of the tree and a setuid-root `id` where user nobody can read them
    local dir = H.tmpdir() .. "/nnp"
    os.execute(("rm -rf %s; mkdir -p %s && cp -r %s/lua %s/ && cp %s %s/ && cp /usr/bin/id %s/ && "
      .. "chmod 4755 %s/id && chmod -R a+rX %s && chmod a+x %s"):format(dir, dir, H.q(H.root), dir,
      H.q(H.ttlua), dir, dir, dir, dir, H.tmpdir()))
    local lua_path = os.getenv("LUA_PATH") or ""
    local function as_nobody(cmd)
      return H.sh(("cd %s && TTLUA_LUA_DIR=%s/lua LUA_PATH=%s setpriv --reuid=65534 --regid=65534 "
        .. "--clear-groups %s"):format(dir, dir, H.q(lua_path), cmd))
    end
    assert.truthy(as_nobody("./id").out:find("euid=0"), "the setuid copy works natively")
    r = as_nobody("./ttlua -E 'function getpid() end' -- grep NoNewPrivs /proc/self/status")
    assert.are.equal("NoNewPrivs:\t1\n", r.out, r.err)
    r = as_nobody("./ttlua -E 'function getpid() end' -- ./id")
    assert.are.equal(0, r.status, r.err)
    assert.falsy(r.out:find("euid=0"), r.out)
  end)
end)

describe("pipes and signals to ttlua", function()
  it("`ttlua -- yes | head -1` ends: yes dies of SIGPIPE, ttlua does not", function()
    local r = H.sh(("%s -- yes | head -1; echo \"${PIPESTATUS[*]}\""):format(H.q(H.ttlua)))
    assert.are.equal("y\n141 0\n", r.out)
    assert.truthy(r.err:find("%+%+%+ killed by SIGPIPE %+%+%+\n$") or r.err:find("killed by"), r.err)
  end)

  it("a log to a closed pipe stops the log, not the tracing", function()
    local r = H.sh(("%s -o /dev/stderr -- %s 2>&1 >/dev/null | head -c 10 >/dev/null;"
      .. " echo \"${PIPESTATUS[0]}\""):format(H.q(H.ttlua), H.q(progs .. "/logcount")))
    assert.are.equal("0\n", r.out)
  end)

  it("SIGTERM and SIGHUP sent to ttlua reach the command", function()
    for _, sig in ipairs({ "TERM", "HUP" }) do
      local script = ("trap 'echo got %s; exit 0' %s; echo ready; while :; do sleep 0.05; done")
        :format(sig, sig)
      local out = H.tmpname(".out")
      local r = H.sh(("set -m; %s -o /dev/null -- sh -c %s > %s & t=$!; "
        .. "for i in $(seq 100); do [ -s %s ] && break; sleep 0.05; done; kill -%s $t; wait $t")
        :format(H.q(H.ttlua), H.q(script), H.q(out), H.q(out), sig))
      assert.are.equal(0, r.status, r.err)
      assert.are.equal("ready\ngot " .. sig .. "\n", H.readfile(out))
    end
  end)
end)
