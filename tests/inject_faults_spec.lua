-- Fault injection (issue 6): strace's tampering, the extensions and the
-- Lua API, each checked on what the traced program did; where strace 6.1
-- can do the same, its behaviour on the same command line is the reference.
local H = require "tests.helper"

local faults = H.progs .. "/faults"

-- Run ttlua with its log in a file; returns the result and the log.
local function ttlua(args, opts)
  local log = H.tmpname(".log")
  local words = { "-o", log }
  for _, a in ipairs(args) do words[#words + 1] = a end
  local r = H.run(words, opts)
  r.log = H.readfile(log) or ""
  return r
end

-- The same command under strace (-f, log to a file).
local function strace(args, opts)
  local log = H.tmpname(".slog")
  local words = { "strace", "-f", "-qq", "-o", H.q(log) }
  for _, a in ipairs(args) do words[#words + 1] = H.q(a) end
  local r = H.sh(table.concat(words, " "), opts)
  r.log = H.readfile(log) or ""
  return r
end

-- Lines of a log for one syscall, without the pid column.
local function calls_of(log, name)
  local out = {}
  for l in log:gmatch("[^\n]+") do
    l = l:gsub("^%d+%s+", "")
    if l:sub(1, #name + 1) == name .. "(" then out[#out + 1] = l end
  end
  return out
end

local function policy_stats(src)
  -- a policy that also records the tracer's stop counters at the end
  return H.policy([[
    local core = require "ttlua.core"
    local P = (function() ]] .. src .. [[ end)() or {}
    P.on_finish = function()
      RECORD(tonumber(core.stats.seccomp_stops), tonumber(core.stats.exit_stops))
    end
    return P
  ]])
end

describe("strace's --inject", function()
  it("error= with when=F..L fails exactly those calls, like strace", function()
    local args = { "-e", "inject=getuid:error=EIO:when=2..3", faults, "calls", "getuid", "4" }
    local r = ttlua(args)
    local s = strace(args)
    assert.are.equal(0, r.status)
    local uid = r.out:match("^getuid (%d+)\n")
    assert.truthy(uid, r.out)
    assert.are.equal(("getuid %s\ngetuid -1 EIO\ngetuid -1 EIO\ngetuid %s\n"):format(uid, uid), r.out)
    assert.are.equal(s.out, r.out)
    -- the log lines, byte for byte as strace prints them
    assert.are.same(calls_of(s.log, "getuid"), calls_of(r.log, "getuid"))
    assert.truthy(calls_of(r.log, "getuid")[2]:find("^getuid%(%)%s+= %-1 EIO %(Input/output error%) %(INJECTED%)$"))
  end)

  for _, when in ipairs({ "3", "3+", "2+3", "2..8+3", "4..5", "1..9+", "10" }) do
    it("when=" .. when .. " picks the same calls as strace", function()
      local args = { "--inject=getuid:error=EPERM:when=" .. when, faults, "calls", "getuid", "9" }
      local r, s = ttlua(args), strace(args)
      assert.are.equal(0, r.status)
      assert.are.equal(s.out, r.out)
      assert.truthy(r.out:find("EPERM") or when == "10", r.out)
    end)
  end

  it("retval= makes a call succeed with that value, marked (INJECTED)", function()
    local r = ttlua({ "--inject", "getuid:retval=4242", "--", faults, "calls", "getuid", "2" })
    assert.are.equal("getuid 4242\ngetuid 4242\n", r.out)
    assert.truthy(calls_of(r.log, "getuid")[1]:find("^getuid%(%)%s+= 4242 %(INJECTED%)$"))
    local hex = ttlua({ "--inject", "getuid:retval=0x10", "--", faults, "calls", "getuid", "1" })
    assert.are.equal("getuid 16\n", hex.out)
  end)

  it("--fault and -e fault= default to ENOSYS; -e inject= equals --inject", function()
    local a = ttlua({ "--fault", "getuid:when=2", faults, "calls", "getuid", "2" })
    assert.truthy(a.out:find("\ngetuid %-1 ENOSYS\n$"), a.out)
    local b = ttlua({ "-e", "fault=getuid", faults, "calls", "getuid", "1" })
    assert.are.equal("getuid -1 ENOSYS\n", b.out)
    local c = ttlua({ "-einject=getuid:error=ENOENT", faults, "calls", "getuid", "1" })
    assert.are.equal("getuid -1 ENOENT\n", c.out)
    local d = ttlua({ "--fault=getuid:error=13", faults, "calls", "getuid", "1" })
    assert.are.equal("getuid -1 EACCES\n", d.out)
  end)

  it("signal= is pending during the call and delivered on its exit (si_code SI_KERNEL)", function()
    local args = { "--inject=getppid:signal=SIGUSR1", faults, "sigcall", "10" }
    local r, s = ttlua(args), strace(args)
    assert.are.equal(0, r.status)
    assert.truthy(r.out:find("^getppid %d+\nhandled on return: yes\nsi_code 128\n$"), r.out)
    assert.are.equal(s.out:gsub("%d%d%d+", "N"), (r.out:gsub("%d%d%d+", "N")))
    -- no mark for a signal alone, as strace
    assert.truthy(calls_of(r.log, "getppid")[1]:find("= %d+$"))
    assert.truthy(r.log:find("\n%d+%s+%-%-%- SIGUSR1 ") or r.log:find("\n%d+%s+%-%-%- 10 "), r.log)
  end)

  it("signal= interrupts a blocking call, as strace's does", function()
    local args = { "--inject=read:signal=USR1:when=2", faults, "blockread", "10" }
    local r, s = ttlua(args, { timeout = 20 }), strace(args, { timeout = 20 })
    assert.are.equal("read -1 EINTR\nhandled: yes\n", r.out)
    assert.are.equal(s.out, r.out)
  end)

  it("signal= with error=: the call fails and the handler runs on return", function()
    local r = ttlua({ "--inject=getppid:signal=12:error=EAGAIN", faults, "sigcall", "12" })
    assert.are.equal("getppid -1 EAGAIN\nhandled on return: yes\nsi_code 128\n", r.out)
    assert.truthy(calls_of(r.log, "getppid")[1]:find("= %-1 EAGAIN %(.-%) %(INJECTED%)$"))
  end)

  it("a fatal injected signal kills the program like under strace", function()
    local args = { "--inject=getuid:signal=SIGTERM", faults, "calls", "getuid", "1" }
    local r, s = ttlua(args), strace(args)
    assert.are.equal(143, r.status)
    assert.are.equal(s.status, r.status)
  end)

  it("delay_enter/delay_exit hold the call and mark it (DELAYED)", function()
    local r = ttlua({ "--inject=getuid:delay_enter=20ms:delay_exit=10000", faults, "calls", "getuid", "2" })
    assert.are.equal(0, r.status)
    assert.truthy(calls_of(r.log, "getuid")[1]:find("= %d+ %(DELAYED%)$"), r.log)
    local both = ttlua({ "--inject=getuid:error=EIO:delay_exit=1ms", faults, "calls", "getuid", "1" })
    assert.are.equal("getuid -1 EIO\n", both.out)
    assert.truthy(calls_of(both.log, "getuid")[1]:find("= %-1 EIO %(Input/output error%) %(INJECTED%) %(DELAYED%)$"))
  end)

  it("syscall= (a pure syscall in place of the call) is accepted like strace", function()
    local args = { "--inject=getuid:error=EIO:syscall=getpid", faults, "calls", "getuid", "1" }
    local r, s = ttlua(args), strace(args)
    assert.are.equal("getuid -1 EIO\n", r.out)
    assert.are.equal(s.out, r.out)
    local bad = H.run({ "--inject=getuid:error=EIO:syscall=write", "--", "/bin/true" })
    assert.are.equal(1, bad.status)
    assert.truthy(bad.err:find("pure"), bad.err)
  end)

  it("poke_enter/poke_exit write argument memory (INJECTED: args)", function()
    local args = { "--inject=read:poke_exit=@arg2=41424344:fdpath=/dev/zero", faults, "pokeread" }
    local r = ttlua(args)
    assert.are.equal("read 8\nbytes 4142434400000000\n", r.out)
    assert.truthy(r.log:find("%(INJECTED: args%)"), r.log)
    -- strace has no fdpath=: pick the same read with when= (the 2nd read: ld.so reads libc first)
    local s = strace({ "--inject=read:poke_exit=@arg2=41424344:when=2", faults, "pokeread" })
    assert.are.equal(s.out, r.out)
  end)

  it("counts per syscall and per tracee, like strace -f", function()
    local args = { "--inject=getppid:error=ECHILD:when=2", faults, "tree", "3" }
    local r, s = ttlua(args), strace(args)
    assert.are.equal("child 0: ok ECHILD ok\nchild 1: ok ECHILD ok\nchild 2: ok ECHILD ok\n", r.out)
    assert.are.equal(s.out, r.out)
    -- open and openat are counted apart
    local two = ttlua({ "--inject=getuid,getppid:error=EIO:when=1", faults, "calls", "getuid", "2" })
    assert.are.equal("getuid -1 EIO\n", two.out:match("^[^\n]*\n"))
  end)

  it("the command's own first execve is left alone; later ones are counted", function()
    local args = { "--inject=execve:error=EACCES", "/bin/sh", "-c", "/bin/true; echo status $?" }
    local r, s = ttlua(args), strace(args)
    assert.are.equal(0, r.status)
    assert.truthy(r.out:find("status 126"), r.out .. r.err)
    assert.are.equal(s.out, r.out)
  end)

  it("reads syscall sets like strace: %class, /regex, !, ?name, @64, numbers", function()
    local function fails(set)
      return ttlua({ "--inject=" .. set .. ":error=EIO", faults, "calls", "getuid", "1" }).out
    end
    assert.are.equal("getuid -1 EIO\n", fails("%creds"))
    assert.are.equal("getuid -1 EIO\n", fails("/^getu.d$"))
    assert.are.equal("getuid -1 EIO\n", fails("?nosuchcall,getuid@64"))
    assert.are.equal("getuid -1 EIO\n", fails("102"))
    -- everything but some classes: arch_prctl fails, the program dies as under strace
    local inv = "--inject=!%creds,%file,%memory,%process,%desc,%signal:error=EIO"
    local r, s = ttlua({ inv, faults, "calls", "getuid", "1" }), strace({ inv, faults, "calls", "getuid", "1" })
    assert.are.equal(s.status, r.status)
    assert.are.same(calls_of(s.log, "arch_prctl")[1]:match("= .*"), calls_of(r.log, "arch_prctl")[1]:match("= .*"))
    local bad = H.run({ "--inject=nosuchcall:error=EIO", "--", "/bin/true" })
    assert.are.equal(1, bad.status)
    assert.truthy(bad.err:find("^ttlua: %-%-inject nosuchcall:error=EIO: invalid system call 'nosuchcall'"))
    assert.are.equal(1, H.count(bad.err, "."))
  end)

  it("bad specs: one line, exit 1, nothing started", function()
    local cases = {
      { "--inject=read", "nothing to inject" },
      { "--inject=read:error=EIO:retval=1", "exclude each other" },
      { "--inject=read:error=EBOGUS", "unknown errno name" },
      { "--inject=read:error=0", "1..4095" },
      { "--inject=read:error=EIO:when=0", "FIRST >= 1" },
      { "--inject=read:error=EIO:when=5..2", "LAST is smaller" },
      { "--inject=read:delay_enter=fast", "is not a delay" },
      { "--inject=read:signal=SIGNOPE", "not a signal" },
      { "--fault=read:signal=SIGUSR1", "not a --fault key" },
      { "--inject=read:error=EIO:bogus=1", "unknown key bogus" },
      { "--inject=read:error=EIO:prob=2", "not a probability" },
      { "--inject=getpid:after=10", "can never fire" },
      { "--inject=/[:error=EIO", "/[" },
    }
    for _, c in ipairs(cases) do
      local r = H.run({ c[1], "--", faults, "calls", "getuid", "1" })
      assert.are.equal(1, r.status)
      assert.are.equal("", r.out)
      assert.truthy(r.err:find(c[2], 1, true), c[1] .. " -> " .. r.err)
      assert.are.equal(1, H.count(r.err, "."), r.err)
    end
  end)
end)

describe("stop economy", function()
  it("error=/retval=/signal=/delay_enter= cost one stop per call, no exit stop", function()
    local pol, rec = policy_stats("return {}")
    local r = H.run({ pol, "--inject=getuid:error=EIO:when=2+", "--inject=getppid:delay_enter=1us",
      "--", faults, "calls", "getuid", "50" })
    assert.are.equal(0, r.status)
    assert.are.equal(49, H.count(r.out, "EIO"))
    local st = H.records(rec)[1]
    assert.is_true(st[1] >= 50 and st[1] <= 55, "seccomp stops " .. st[1])
    assert.are.equal(0, st[2])
  end)

  it("delay_exit needs the exit stop", function()
    local pol, rec = policy_stats("return {}")
    H.run({ pol, "--inject=getuid:delay_exit=1us:when=1..10", "--", faults, "calls", "getuid", "20" })
    local st = H.records(rec)[1]
    assert.are.equal(10, st[2])
  end)

  it("a rule without when/path/prob goes into the seccomp filter: zero stops", function()
    local pol, rec = policy_stats("return {}")
    local r = H.run({ pol, "--inject=getuid:error=EPERM", "--inject=getppid:retval=0",
      "--", faults, "calls", "getuid", "30" })
    assert.are.equal(30, H.count(r.out, "getuid %-1 EPERM"))
    local st = H.records(rec)[1]
    assert.are.equal(0, st[1])
    local dump = H.run({ pol, "--inject=getuid:error=EPERM", "--inject=write:error=EIO:fd=7",
      "--dump-filter" })
    assert.truthy(dump.out:find('"getuid".-ERRNO%(1%)'), dump.out)
    assert.truthy(dump.out:find("== 7%)?%s*\n%s*action ERRNO%(5%)"), dump.out)
  end)

  it("under passthru every rule is decided per call so the log shows it", function()
    local r = ttlua({ "--inject=getuid:error=EPERM", faults, "calls", "getuid", "1" })
    assert.are.equal("getuid -1 EPERM\n", r.out)
    assert.truthy(r.log:find("getuid%(%)%s+= %-1 EPERM %(Operation not permitted%) %(INJECTED%)"))
  end)
end)

describe("delays do not hold up other threads or processes", function()
  -- thread B waits until thread A is stopped in its delayed call, then makes
  -- 50 traced calls; A reports whether B had finished when its call returned
  for _, mode in ipairs({ "threads", "procs" }) do
    for _, key in ipairs({ "delay_enter", "delay_exit" }) do
      it(mode .. " with " .. key, function()
        local r = ttlua({ "--inject=getppid:" .. key .. "=2s", "--inject=getuid:retval=7",
          faults, mode }, { timeout = 30 })
        assert.are.equal(0, r.status)
        assert.truthy(r.out:find("B result 7\n", 1, true), r.out)
        assert.truthy(r.out:find("B done first: yes\n", 1, true), r.out)
        assert.truthy(r.log:find("getppid.-%(DELAYED%)"), r.log)
      end)
    end
  end
end)

describe("ttlua.sleep, which delays use", function()
  it("sleep(0) and many tiny sleeps never leave a thread held", function()
    local pol = H.policy [[
      return { getuid = function() ttlua.sleep(0) end, getppid = function() ttlua.sleep(1e-6) end }
    ]]
    local r = H.run({ pol, "--", faults, "calls", "getuid", "3" }, { timeout = 20 })
    assert.are.equal(0, r.status)
    assert.are.equal(3, H.count(r.out, "^getuid"))
    r = H.run({ pol, "--", faults, "calls", "getppid", "3000" }, { timeout = 60 })
    assert.are.equal(0, r.status)
    assert.are.equal(3000, H.count(r.out, "^getppid"))
  end)

  it("SIGTERM to ttlua is not stuck behind a long delay", function()
    local r = H.sh(("%s -E '' --inject=getuid:delay_enter=600s -- %s calls getuid 1 & pid=$!; "
      .. "sleep 1; kill -TERM $pid; wait $pid; echo status $?"):format(H.q(H.ttlua), H.q(faults)),
      { timeout = 30 })
    assert.are.equal("status 143\n", r.out)
    assert.are.equal("", H.leftovers(faults .. " calls getuid 1"))
  end)
end)

describe("extensions", function()
  local dir
  before_each(function()
    dir = H.tmpname(".d")
    os.execute("mkdir -p " .. H.q(dir .. "/sub"))
    H.writefile(dir .. "/a.txt", "hello\n")
    H.writefile(dir .. "/b.conf", "key=value\n")
    H.writefile(dir .. "/sub/n.db", "db\n")
  end)

  it("path=GLOB matches the basename, relative paths resolved against the cwd", function()
    local r = ttlua({ "--inject=openat:error=EACCES:path=*.conf", "/bin/sh", "-c",
      "cd " .. H.q(dir) .. " && cat a.txt b.conf" })
    assert.are.equal("hello\n", r.out)
    assert.truthy(r.err:find("b.conf: Permission denied"), r.err)
    assert.truthy(r.log:find('openat%(AT_FDCWD, "b.conf".-= %-1 EACCES %(Permission denied%) %(INJECTED%)'), r.log)
  end)

  it("path= resolves a dirfd through /proc/PID/fd and folds ..", function()
    local r = ttlua({ "--inject=openat:error=EROFS:path=" .. dir .. "/x/../sub/*.db",
      faults, "openat", dir .. "/sub", "n.db" })
    assert.are.equal("dir 3\nopenat -1 EROFS\n", r.out)
    local other = ttlua({ "--inject=openat:error=EROFS:path=/elsewhere/**", faults, "openat",
      dir .. "/sub", "n.db" })
    assert.are.equal("dir 3\nopenat 4\n", other.out)
  end)

  it("path= with when= counts only matching calls (the Nth open of that file)", function()
    local r = ttlua({ "--inject=openat:error=EMFILE:path=" .. dir .. "/a.txt:when=3",
      faults, "opens", dir .. "/a.txt", "4" })
    assert.are.equal("open 3\nopen 3\nopen -1 EMFILE\nopen 3\n", r.out)
  end)

  it("fd=N fails writes to stdout only", function()
    local r = ttlua({ "--inject=write:error=EPIPE:fd=1", "/bin/cat", dir .. "/a.txt" }, { pipe = true })
    assert.are.equal(1, r.status)
    assert.are.equal("", r.out)
    assert.truthy(r.err:find("Broken pipe"), r.err)
  end)

  it("fdpath=GLOB fails reads of matching files", function()
    local r = ttlua({ "--inject=read:error=EIO:fdpath=*.txt", faults, "reads", dir .. "/a.txt", "100" })
    assert.are.equal("r -1 EIO\ntotal 0\n", r.out)
    local ok = ttlua({ "--inject=read:error=EIO:fdpath=*.txt", faults, "reads", dir .. "/b.conf", "100" })
    assert.are.equal("r 10\nr 0\ntotal 10\n", ok.out)
    -- a glob value may hold ':' (socket:[...], pipe:[...])
    local p = ttlua({ "--inject=write:error=EIO:fdpath=pipe:*", "/bin/echo", "hi" }, { pipe = true })
    assert.are.equal(1, p.status)
  end)

  it("prob= with seed= gives the same faults on every run", function()
    local function run(seed)
      return ttlua({ "--inject=getuid:error=EIO:prob=0.3:seed=" .. seed, faults, "calls", "getuid", "200" }).out
    end
    local a, b, c = run(42), run(42), run(43)
    assert.are.equal(a, b)
    assert.are_not.equal(a, c)
    local n = H.count(a, "EIO")
    assert.is_true(n > 20 and n < 110, "faults: " .. n)
  end)

  it("prob= is reproducible per process, whatever the scheduling", function()
    local function run()
      return ttlua({ "--inject=getppid:error=EIO:prob=0.5:seed=7", faults, "tree", "6" }).out
    end
    local a = run()
    assert.are.equal(a, run())
    assert.truthy(a:find("EIO"), a)
  end)

  it("prob= without seed= prints the seed it chose, and that seed replays the run", function()
    local r = ttlua({ "--inject=getuid:error=EIO:prob=0.5", faults, "calls", "getuid", "64" })
    local seed = r.err:match("seed=(%d+)")
    assert.truthy(seed, r.err)
    local again = ttlua({ "--inject=getuid:error=EIO:prob=0.5:seed=" .. seed, faults, "calls", "getuid", "64" })
    assert.are.equal(r.out, again.out)
  end)

  it("several rules on one syscall: the first that matches wins, all count", function()
    local r = ttlua({ "--inject=getuid:error=EIO:when=2", "--inject=getuid:error=EPERM:when=2..3",
      "--inject=getuid:retval=5", faults, "calls", "getuid", "4" })
    assert.are.equal("getuid 5\ngetuid -1 EIO\ngetuid -1 EPERM\ngetuid 5\n", r.out)
  end)

  it("after=BYTES lets that much through, then ENOSPC; the file has exactly BYTES", function()
    local out = dir .. "/out"
    for _, v in ipairs({ "", "v" }) do
      local call = v == "v" and "writev" or "write"
      local r = ttlua({ "--inject=" .. call .. ":after=1000:fdpath=" .. out, faults, "writes", out, "2500", "300", v })
      assert.are.equal("w 300\nw 300\nw 300\nw 100\nw -1 ENOSPC\ntotal 1000\n", r.out)
      assert.are.equal(1000, #H.readfile(out))
      assert.truthy(r.log:find("\n%d+%s+" .. call .. "%(3, [^\n]+= 100 %(INJECTED%)\n"), r.log)
    end
  end)

  it("after= with cp: a disk that fills up", function()
    local src = H.writefile(dir .. "/big", string.rep("0123456789", 10000))
    local r = ttlua({ "--inject=%desc:after=64k:fdpath=*/copy", "/bin/cp", src, dir .. "/copy" })
    assert.are.equal(1, r.status)
    assert.truthy(r.err:find("No space left on device"), r.err)
    assert.are.equal(65536, #H.readfile(dir .. "/copy"))
  end)

  it("short=N: reads move at most N bytes; cat still copies the file", function()
    local r = ttlua({ "--inject=read:short=3:fdpath=*.txt", faults, "reads", dir .. "/a.txt", "100" })
    assert.are.equal("r 3\nr 3\nr 0\ntotal 6\n", r.out)
    local c = ttlua({ "--inject=read:short=2:fdpath=*.conf", "/bin/cat", dir .. "/b.conf" }, { pipe = true })
    assert.are.equal("key=value\n", c.out)
    -- five reads cut to 2 bytes, then the end of the file
    assert.are.equal(5, H.count(c.log, "read%(3, .- = 2 %(INJECTED%)$"))
  end)
end)

describe("the Lua API", function()
  it("rules combine with the policy's own handler for the same syscall", function()
    local pol, rec = H.policy [[
      local inject = require "ttlua.inject"
      inject.rule { "getuid", error = "EIO", when = "2" }
      return {
        getuid = function(call)
          local r = call:run()
          RECORD(r, inject.fired(call) ~= nil)
        end,
      }
    ]]
    local r = H.run({ pol, "--", faults, "calls", "getuid", "3" })
    assert.are.equal(0, r.status)
    assert.truthy(r.out:find("^getuid %d+\ngetuid %-1 EIO\ngetuid %d+\n$"), r.out)
    local got = H.records(rec)
    assert.are.equal(3, #got)
    assert.are.same({ -5, true }, got[2])
    assert.is_false(got[1][2])
    assert.is_true(got[1][1] >= 0)
  end)

  it("a value the handler returns itself wins over the injected one", function()
    local pol = H.policy [[
      local inject = require "ttlua.inject"
      inject.rule { "getuid", error = "EIO" }
      return { getuid = function(call) if inject.fired(call) then return 77 end end }
    ]]
    local r = H.run({ pol, "--", faults, "calls", "getuid", "1" })
    assert.are.equal("getuid 77\n", r.out)
  end)

  it("match=, error lists with a seed, delays in seconds, strace strings", function()
    local pol = H.policy [[
      local inject = require "ttlua.inject"
      inject.rule "getppid:error=ECHILD:when=1"
      inject.rule { set = { "getuid" }, error = { "EIO", "EAGAIN", "EINTR" }, seed = 9,
                    match = function(call) return call.name == "getuid" end }
      inject.rule { "gettid", delay_enter = 0.001, retval = 1 }
      return {}
    ]]
    local a = H.run({ pol, "--", faults, "calls", "getuid", "30" })
    local b = H.run({ pol, "--", faults, "calls", "getuid", "30" })
    assert.are.equal(a.out, b.out)
    assert.are.equal(30, H.count(a.out, "-1 E"))
    assert.truthy(a.out:find("EIO") and a.out:find("EAGAIN") and a.out:find("EINTR"), a.out)
    assert.are.equal("getppid -1 ECHILD\n", H.run({ pol, "--", faults, "calls", "getppid", "1" }).out)
    assert.are.equal("gettid 1\n", H.run({ pol, "--", faults, "calls", "gettid", "1" }).out)
  end)

  it("command-line rules come before the policy's", function()
    local pol = H.policy [[
      require("ttlua.inject").rule { "getuid", error = "EIO" }
      return {}
    ]]
    local r = H.run({ pol, "--inject=getuid:error=EPERM:when=2", "--", faults, "calls", "getuid", "2" })
    assert.are.equal("getuid -1 EIO\ngetuid -1 EPERM\n", r.out)
  end)

  it("a bad rule in a policy: one line naming the file and line", function()
    local pol = H.policy [[
      local inject = require "ttlua.inject"
      inject.rule { "getuid", error = "EWHAT" }
      return {}
    ]]
    local r = H.run({ pol, "--", faults, "calls", "getuid", "1" })
    assert.are.equal(1, r.status)
    assert.are.equal("", r.out)
    assert.truthy(r.err:find("%.lua:%d+: inject%.rule: error=EWHAT: unknown errno name\n$"), r.err)
  end)

  it("rules cannot be made once the program runs", function()
    local pol = H.policy [[
      local inject = require "ttlua.inject"
      return { getuid = function() inject.rule { "getpid", error = "EIO" } end }
    ]]
    local r = H.run({ pol, "--", faults, "calls", "getuid", "1" })
    assert.truthy(r.err:find("while the policy loads"), r.err)
    assert.truthy(r.out:find("^getuid %d+\n$"), r.out)
  end)

  it("rule:disable() stops a rule from counting and firing", function()
    local pol = H.policy [[
      local inject = require "ttlua.inject"
      local r = inject.rule { "getuid", error = "EIO" }
      local n = 0
      return { getppid = function() n = n + 1; if n == 1 then r:disable() else r:enable() end end }
    ]]
    local r = H.run({ pol, "--", "/bin/sh", "-c", H.q(faults) .. " calls getuid 1; " .. H.q(faults)
      .. " calls getppid 1; " .. H.q(faults) .. " calls getuid 1" })
    assert.truthy(r.out:find("^getuid %-1 EIO\n"), r.out)
  end)
end)
