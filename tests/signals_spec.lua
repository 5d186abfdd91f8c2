-- Signals and job control under ttlua (issue 7): interrupted calls are shown
-- as strace shows them and restarted as the kernel restarts them; SIGSTOP
-- and SIGCONT from outside, and a shell's Ctrl-Z/fg through a terminal,
-- behave as without ttlua.
local H = require "tests.helper"

local progs = H.progs

local function wait_for(pred, what)
  for _ = 1, 300 do
    if pred() then return true end
    os.execute("sleep 0.05")
  end
  error("timed out waiting for " .. what)
end

describe("interrupted system calls", function()
  local function both(mode)
    local native = H.sh(H.q(progs .. "/interrupt") .. " " .. mode)
    local log = H.tmpname(".log")
    local r = H.run({ "-o", log, "--", progs .. "/interrupt", mode })
    assert.are.equal(0, native.status)
    assert.are.equal(0, r.status, r.err)
    assert.are.equal(native.out, r.out)
    return r.out, H.readfile(log)
  end

  it("a read with SA_RESTART: ERESTARTSYS, the handler, the read again", function()
    local out, log = both("restart")
    assert.are.equal("read = 1 , after 3 alarms\n", out)
    local n = 0
    for _ in log:gmatch("read%(3, 0x%x+, 1%) += %? ERESTARTSYS %(To be restarted if SA_RESTART is set%)\n") do
      n = n + 1
    end
    assert.is_true(n >= 3, log)
    assert.truthy(log:find("rt_sigreturn%(.-%) += 0\n"), log)
    assert.truthy(log:find('read%(3, "!", 1%) += 1\n'), log)
  end)

  it("a read without SA_RESTART: ERESTARTSYS, then EINTR from rt_sigreturn", function()
    local out, log = both("norestart")
    assert.are.equal("read = -1 Interrupted system call, after an alarm\n", out)
    assert.truthy(log:find("read%(3, 0x%x+, 1%) += %? ERESTARTSYS"), log)
    assert.truthy(log:find("rt_sigreturn%(.-%) += %-1 EINTR %(Interrupted system call%)\n"), log)
  end)

  it("pause: ERESTARTNOHAND, then EINTR", function()
    local out, log = both("pause")
    assert.are.equal("pause = -1 Interrupted system call\n", out)
    assert.truthy(log:find("pause%(%) += %? ERESTARTNOHAND %(To be restarted if no handler%)\n"), log)
  end)

  it("a sleep stopped by ignored signals resumes through restart_syscall", function()
    local out, log = both("sleep")
    assert.are.equal("nanosleep = 0\n", out)
    assert.truthy(log:find("clock_nanosleep%(.-%) += %? ERESTART_RESTARTBLOCK %(Interrupted by signal%)\n"),
      log)
    assert.truthy(log:find("restart_syscall%(<%.%.%. resuming interrupted clock_nanosleep %.%.%.>%) += 0\n"),
      log)
  end)

  it("a policy running every call sees the same and changes nothing", function()
    local pol = H.policy "return { default = function(c) c:run() end }\n"
    for _, mode in ipairs({ "restart", "norestart", "pause", "sleep" }) do
      local native = H.sh(H.q(progs .. "/interrupt") .. " " .. mode)
      local r = H.run({ pol, "--", progs .. "/interrupt", mode })
      assert.are.equal(native.out, r.out)
      assert.are.equal(0, r.status, r.err)
    end
  end)
end)

describe("job control", function()
  it("kill -STOP and kill -CONT of a tracee stop and continue it", function()
    local count_file, pidfile = H.tmpname(".count"), H.tmpname(".pid")
    os.execute(("set -m; %s -o /dev/null -- %s %s >/dev/null 2>&1 </dev/null & echo $! > %s")
      :format(H.q(H.ttlua), H.q(progs .. "/ticker"), H.q(count_file), H.q(pidfile)))
    local ttlua_pid = tonumber(H.readfile(pidfile))
    local function count() return tonumber(H.readfile(count_file) or "") or 0 end
    wait_for(function() return count() > 0 end, "the ticker")
    local p = io.popen("pgrep -P " .. ttlua_pid)
    local ticker = tonumber(p:read("*l"))
    p:close()
    assert.truthy(ticker)
    os.execute("kill -STOP " .. ticker)
    -- both threads reach the group-stop: ttlua LISTENs, the kernel shows them stopped
    wait_for(function()
      local st = H.readfile("/proc/" .. ticker .. "/stat") or ""
      return st:match("^%d+ %b() ([tT])")
    end, "the stop")
    local stopped_at = count()
    os.execute("sleep 0.3")
    assert.is_true(count() <= stopped_at + 1)
    os.execute("kill -CONT " .. ticker)
    wait_for(function() return count() > stopped_at + 5 end, "the count to grow again")
    os.execute("kill -TERM " .. ticker)
    local r = H.sh("while kill -0 " .. ttlua_pid .. " 2>/dev/null; do sleep 0.05; done; echo gone")
    assert.are.equal("gone\n", r.out)
  end)

  it("an interactive shell through a terminal: Ctrl-Z stops cat, fg continues it", function()
    local shell = { "bash", "--norc", "--noprofile", "--noediting", "-i" }
    local function drive(prefix)
      local words = { "python3", H.root .. "/tests/pty_jobctl.py" }
      for _, w in ipairs(prefix) do words[#words + 1] = w end
      for _, w in ipairs(shell) do words[#words + 1] = w end
      for i, w in ipairs(words) do words[i] = H.q(w) end
      return H.sh(table.concat(words, " "), { timeout = 90 })
    end
    local want = "cat echoes\nstopped\ncontinued\nexit 7\n"
    assert.are.equal(want, drive({}).out)
    local log = H.tmpname(".log")
    local r = drive({ H.ttlua, "-o", log, "--" })
    assert.are.equal(want, r.out)
    local text = H.readfile(log)
    assert.truthy(text:find("%-%-%- stopped by SIGTSTP %-%-%-"), text)
    assert.truthy(text:find("%-%-%- SIGCONT "), text)
  end)
end)
