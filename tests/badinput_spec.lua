-- Every bad input answered, never a hang (issue 7): a policy or command
-- line that is wrong gets one line naming what is wrong (the policy's
-- file:line when it is the policy), a non-zero exit status, and no traced
-- process is left behind, stopped or running.
local H = require "tests.helper"

-- err is exactly one "ttlua: ..." line
local function one_line(err)
  return select(2, err:gsub("\n", "")) == 1 and err:match("^ttlua: ") ~= nil
end

-- A sh -c script carrying a marker unique to this run, and the marker
-- (for H.leftovers: the shell's command line contains it).
local function marked(script)
  local marker = "m" .. H.unique() .. "x"
  return script .. "; : " .. marker, marker
end

-- pattern matching a literal string
local function lit(s)
  return (s:gsub("%p", "%%%0"))
end

describe("on_signal returning something that is not a signal", function()
  for _, v in ipairs({ "999", "-1", "65", "0/0", "{}", '"10"', "2.5" }) do
    it("returning " .. v .. ": one line naming the policy, the signal delivered, no hang", function()
      local pol = H.policy(("return { on_signal = function() return %s end }\n"):format(v))
      local script, marker = marked("kill -USR1 $$; echo after")
      local r = H.run({ pol, "--", "sh", "-c", script }, { timeout = 20 })
      -- the signal goes on unchanged: sh dies of SIGUSR1 (128 + 10)
      assert.are.equal(138, r.status, r.err)
      assert.are.equal("", r.out)
      assert.is_true(one_line(r.err), r.err)
      assert.truthy(r.err:find(lit(pol) .. ":%d+: on_signal returned "), r.err)
      assert.are.equal("", H.leftovers(marker))
    end)
  end

  it("with --strict, a bad signal number kills the tracee", function()
    local pol = H.policy "return { on_signal = function() return 999 end }\n"
    local script, marker = marked("kill -USR1 $$; echo after")
    local r = H.run({ "--strict", pol, "--", "sh", "-c", script }, { timeout = 20 })
    assert.are.equal(137, r.status, r.err)
    assert.are.equal("", r.out)
    assert.is_true(one_line(r.err), r.err)
    assert.truthy(r.err:find("killing the tracee", 1, true), r.err)
    assert.are.equal("", H.leftovers(marker))
  end)

  it("a valid number replaces the signal; 0 suppresses it", function()
    local pol = H.policy "return { on_signal = function() return 0 end }\n"
    local r = H.run({ pol, "--", "sh", "-c", "kill -USR1 $$; echo after" }, { timeout = 20 })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("after\n", r.out)
  end)

  it("the core resumes without the signal when the kernel refuses it", function()
    -- bypass the engine's check: the C side must still not leave the thread stopped
    local pol = H.policy [[
      local core = require "ttlua.core"
      return { on_signal = function() core.ev.sig = 999 end }
    ]]
    local script, marker = marked("kill -USR1 $$; echo after")
    local r = H.run({ pol, "--", "sh", "-c", script }, { timeout = 20 })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("after\n", r.out)
    assert.is_true(one_line(r.err), r.err)
    assert.truthy(r.err:find("cannot deliver signal 999", 1, true), r.err)
    assert.are.equal("", H.leftovers(marker))
  end)
end)

describe("--strict", function()
  it("kills the command when on_start fails", function()
    local pol = H.policy "return { on_start = function() error('no start') end }\n"
    local script, marker = marked("echo ran")
    local r = H.run({ "--strict", pol, "--", "sh", "-c", script }, { timeout = 20 })
    assert.are.equal(137, r.status, r.err)
    assert.are.equal("", r.out)
    assert.truthy(r.err:find(lit(pol) .. ":11: no start"), r.err)
    assert.are.equal("", H.leftovers(marker))
    -- without --strict the command runs, and ttlua exits 1
    r = H.run({ pol, "--", "sh", "-c", script }, { timeout = 20 })
    assert.are.equal(1, r.status, r.err)
    assert.are.equal("ran\n", r.out)
  end)
end)

describe("the log", function()
  it("a child's +++ exited line keeps its [pid N] prefix", function()
    local r = H.run({ "--", "sh", "-c", "/bin/true & wait" })
    assert.are.equal(0, r.status, r.err)
    local child = r.err:match("\n%[pid +(%d+)%] execve%(\"/bin/true\"")
    assert.truthy(child, r.err)
    assert.truthy(r.err:find("\n%[pid +" .. child .. "%] %+%+%+ exited with 0 %+%+%+\n"), r.err)
    -- the shell's own, last, is alone again: no prefix
    assert.truthy(r.err:find("\n%+%+%+ exited with 0 %+%+%+\n$"), r.err)
  end)

  it("into the pipe the command writes to: each output after the start of its write line", function()
    local r = H.sh(("%s -- sh -c 'for i in $(seq 10 40); do echo l$i; done' 2>&1 | cat")
      :format(H.q(H.ttlua)))
    assert.are.equal(0, r.status, r.err)
    for i = 10, 40 do
      -- strace's shape: the call's first half, what it wrote, the result
      assert.truthy(r.out:find(('\nwrite%%(1, "l%d\\n", 4l%d\n%%) += 4\n'):format(i, i)), r.out)
    end
  end)
end)

describe("a bad policy", function()
  -- runs nothing: the command would print
  local function refused(args, want)
    local script, marker = marked("echo ran")
    local words = {}
    for _, a in ipairs(args) do words[#words + 1] = a end
    for _, a in ipairs({ "--", "sh", "-c", script }) do words[#words + 1] = a end
    local r = H.run(words, { timeout = 20 })
    assert.are.equal(1, r.status, r.err)
    assert.are.equal("", r.out)
    assert.is_true(one_line(r.err), r.err)
    assert.truthy(r.err:find(want), r.err)
    assert.are.equal("", H.leftovers(marker))
    return r
  end

  it("raising a table while it loads: one line naming the file", function()
    local pol = H.policy "error({})\n"
    refused({ pol }, lit(pol) .. ": the policy raised a table value")
  end)

  it("returning something that is not a table", function()
    refused({ "-E", "return 5" }, "%(eval%): a policy must return a table of handlers or nothing, not a number")
    local pol = H.policy "return 'x'\n"
    refused({ pol }, lit(pol) .. ": a policy must return .*not a string")
  end)

  it("defining nothing at all", function()
    local pol = H.policy "local function openat() end\n"
    refused({ pol }, "policy " .. lit(pol) .. " defines no handlers, hooks or rules")
    refused({ "-E", "" }, "policy %-E CHUNK defines no handlers")
  end)

  it("defining nothing on purpose, or only rules, is fine", function()
    for _, args in ipairs({ { "-E", "return {}" }, { (H.policy "return {}\n") },
                            { "-E", "", "--inject=getppid:error=EPERM" },
                            { "-E", "ttlua.rule{'getppid', ret = -1}" },
                            { "-E", "require('ttlua.inject').rule{'getppid', error = 'EPERM'}" } }) do
      for _, w in ipairs({ "--", "sh", "-c", "echo ran" }) do args[#args + 1] = w end
      local r = H.run(args, { timeout = 20 })
      assert.are.equal(0, r.status, r.err)
      assert.are.equal("ran\n", r.out)
    end
  end)

  it("an execve handler returning success: the message says so, not a stale errno", function()
    local r = H.run({ "-E", "function execve() return 5 end", "--", "/bin/true" })
    assert.are.equal(126, r.status)
    assert.are.equal("ttlua: cannot run the command: execve returned 5 without running it\n", r.err)
    r = H.run({ "-E", "function execve() return -E.EACCES end", "--", "/bin/true" })
    assert.are.equal(126, r.status)
    assert.are.equal("ttlua: cannot run the command: Permission denied\n", r.err)
  end)
end)

describe("a handler error names the policy's file:line", function()
  -- getppid made by the shell: $PPID is read at start, so use a program
  -- that calls it: `sh -c 'echo $PPID'` calls getppid once
  local function run(src, args)
    local pol = H.policy(src)
    local words = { pol }
    for _, a in ipairs(args or {}) do words[#words + 1] = a end
    for _, a in ipairs({ "--", "sh", "-c", "echo $PPID" }) do words[#words + 1] = a end
    local r = H.run(words, { timeout = 20 })
    return r, pol
  end

  it("an error deep in a helper: the innermost frame, in the message and the traceback", function()
    local r, pol = run [[
local function helper(t) return t.x.y end
return { getppid = function(c) helper({}); c:run() end }
]]
    assert.are.equal(1, r.status, r.err)
    assert.truthy(r.out:match("^%d+\n$"), r.out) -- the call proceeded
    assert.truthy(r.err:find(lit(pol) .. ":11: attempt to index field 'x'"), r.err)
    assert.truthy(r.err:find("\n%s+" .. lit(pol) .. ":?%d*: in function 'helper'"), r.err)
  end)

  it("error({}) and error(msg, 0): where it was raised", function()
    local r, pol = run "return { getppid = function(c)\n  error({})\nend }\n"
    assert.are.equal(1, r.status, r.err)
    assert.truthy(r.err:find(lit(pol) .. ":12: a table value raised as an error"), r.err)
    r, pol = run "return { getppid = function(c)\n  error('plain', 0)\nend }\n"
    assert.truthy(r.err:find(lit(pol) .. ":12: plain"), r.err)
  end)

  it("an error in on_finish keeps its innermost frame", function()
    local r, pol = run "return { on_finish = function()\n  local t; return t.x\nend }\n"
    assert.are.equal(1, r.status, r.err)
    assert.truthy(r.err:find("\n%s+" .. lit(pol) .. ":12: in function"), r.err)
  end)

  it("coroutine.yield in a handler", function()
    local r, pol = run "return { getppid = function(c)\n  coroutine.yield('x')\nend }\n"
    assert.are.equal(1, r.status, r.err)
    assert.truthy(r.out:match("^%d+\n$"), r.out)
    assert.truthy(r.err:find("^ttlua: " .. lit(pol) .. ":12: yielded x %(handlers must not call"), r.err)
  end)

  for _, v in ipairs({ "math.huge", "2^70", "-1e300", "0/0", "2^63", "-2^63", "1.5" }) do
    it("a handler returning " .. v, function()
      local r, pol = run(("return { getppid = function(c) return %s end }\n"):format(v))
      assert.are.equal(1, r.status, r.err)
      assert.truthy(r.out:match("^%d+\n$"), r.out) -- the call proceeded
      assert.truthy(r.err:find("^ttlua: " .. lit(pol) .. ":11: handler getppid returned [^;]+; "
        .. "expected an integer result %(|v| < 2%^63%) or nil"), r.err)
      r = run(("return { getppid = function(c) return %s end }\n"):format(v), { "--strict" })
      assert.are.equal(137, r.status, r.err)
    end)
  end

  it("a handler returning the largest integers: accepted", function()
    local r = run "return { getppid = function(c) return -2^63 + 1024 end }\n"
    assert.are.equal(0, r.status, r.err)
  end)

  for _, v in ipairs({ "0/0", "-1", "'1'", "nil" }) do
    it("ttlua.sleep(" .. v .. ")", function()
      local r, pol = run(("return { getppid = function(c) ttlua.sleep(%s) end }\n"):format(v))
      assert.are.equal(1, r.status, r.err)
      assert.truthy(r.out:match("^%d+\n$"), r.out)
      assert.truthy(r.err:find(lit(pol) .. ":11: ttlua.sleep%(%): [^\n]+ is not a number of seconds"),
        r.err)
    end)
  end

  it("a match= function of an inject rule: the rule's file:line, not inject.lua", function()
    local r, pol = run [[
local inject = require "ttlua.inject"
inject.rule { "getppid", error = "EPERM", match = function(c) return c.nope.x end }
return {}
]]
    assert.are.equal(1, r.status, r.err)
    assert.truthy(r.err:find("getppid handler %(" .. lit(pol) .. ":12%)"), r.err)
    assert.falsy(r.err:find("handler %(lua/ttlua/inject"), r.err)
    r, pol = run [[
local inject = require "ttlua.inject"
inject.rule { "getppid", error = "EPERM", match = 5 }
return {}
]]
    assert.are.equal(1, r.status, r.err)
    assert.are.equal("ttlua: " .. pol .. ":12: inject.rule: match must be a function\n", r.err)
  end)
end)

describe("SIGTERM to ttlua while the policy is stuck", function()
  for _, where in ipairs({ "on_start", "getppid" }) do
    it("in " .. where .. ": exits 143 (128 + SIGTERM), nothing left", function()
      local pol = H.policy(("return { %s = function() while true do end end }\n"):format(where))
      local script, marker = marked("echo $PPID; sleep 300")
      local r = H.sh(("set -m; %s %s -- sh -c %s & t=$!; sleep 0.7; kill -TERM $t; wait $t")
        :format(H.q(H.ttlua), H.q(pol), H.q(script)), { timeout = 30 })
      assert.are.equal(143, r.status, r.err)
      assert.truthy(r.err:find("interrupted"), r.err)
      assert.are.equal("", H.leftovers(marker))
    end)
  end
end)

describe("the command line", function()
  local function refused(args, msg)
    local script, marker = marked("echo ran")
    for _, w in ipairs({ "--", "sh", "-c", script }) do args[#args + 1] = w end
    local r = H.run(args, { timeout = 20 })
    assert.are.equal(1, r.status, r.err)
    assert.are.equal("", r.out)
    assert.are.equal("ttlua: " .. msg .. "\n", r.err)
    assert.are.equal("", H.leftovers(marker))
  end

  it("-s outside 0..INT_MAX", function()
    for _, v in ipairs({ "3000000000", "-1", "1.5", "1e3", "x", "" }) do
      refused({ "-s", v }, ('-s: "%s" is not an integer from 0 to 2147483647'):format(v))
    end
  end)

  it("-s INT_MAX works, strings are read within reason", function()
    local r = H.run({ "-s", "2147483647", "--", "sh", "-c", "echo hi" }, { timeout = 20 })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("hi\n", r.out)
    assert.truthy(r.err:find('execve%("/[^"]*sh", %["sh", "%-c", "echo hi"%]'), r.err)
    assert.truthy(r.err:find('write%(1, "hi\\n", 3%) += 3'), r.err)
  end)

  it("two policy files", function()
    local a, b = H.policy "return {}\n", H.policy "return {}\n"
    refused({ a, b }, ("more than one policy (%s, %s); put the command after --"):format(a, b))
  end)

  it("output modes with a policy that is not passthru", function()
    local pol = H.policy "return { getppid = function() end }\n"
    for _, opt in ipairs({ "-c", "-C", "--json", "-y", "-yy", "-z", "-Z", "-qq", "-w" }) do
      refused({ opt, pol }, opt .. " works only with the default passthru policy")
      refused({ opt, "-E", "return {}" }, opt .. " works only with the default passthru policy")
    end
    refused({ "-e", "status=failed", pol }, "-e status= works only with the default passthru policy")
    refused({ "-S", "calls", pol }, "-S works only with the default passthru policy")
  end)

  it("-f and -q are accepted (ttlua always follows children); -ff is refused", function()
    local r = H.run({ "-f", "-q", "--", "sh", "-c", "/bin/echo hi & wait" }, { timeout = 20 })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("hi\n", r.out)
    assert.truthy(r.err:find("%[pid +%d+%] write%(1, \"hi\\n\", 3%)"), r.err)
    refused({ "-ff" }, "-ff (a log file per process) is not supported; children are always"
      .. " followed into the one log")
  end)

  it("-p PID -p PID attaches once", function()
    local cmd, marker = H.unique_sleep()
    local pidfile = H.tmpname(".pid")
    os.execute(("setsid %s %s >/dev/null 2>&1 </dev/null & echo $! > %s"):format(cmd[1], cmd[2],
      H.q(pidfile)))
    local pid = H.readfile(pidfile):match("%d+")
    local pol, rec = H.policy "return { on_start = function(p) RECORD(p.pid) end }\n"
    local r = H.sh(("set -m; %s %s -p %s -p %s & t=$!; sleep 0.7; kill -INT $t; wait $t")
      :format(H.q(H.ttlua), H.q(pol), pid, pid), { timeout = 20 })
    os.execute("kill -KILL " .. pid)
    assert.are.equal(130, r.status, r.err)
    assert.falsy(r.err:find("ttlua:"), r.err)
    assert.are.same({ { tonumber(pid) } }, H.records(rec))
    os.execute("sleep 0.2")
    assert.are.equal("", H.leftovers(marker))
  end)
end)
