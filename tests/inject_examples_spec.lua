-- The fault-injection examples in lua/examples/ (issue 6), each on a real
-- program: what the program did, what the example reported, and that a
-- seed replays a run.
local H = require "tests.helper"

local faults = H.progs .. "/faults"
local examples = H.root .. "/lua/examples/"

-- Run an example with environment variables set: env is a table.
local function example(name, env, cmd, opts)
  local words = {}
  for k, v in pairs(env or {}) do words[#words + 1] = k .. "=" .. H.q(v) end
  words[#words + 1] = H.q(H.ttlua)
  words[#words + 1] = H.q(examples .. name .. ".lua")
  words[#words + 1] = "--"
  for _, a in ipairs(cmd) do words[#words + 1] = H.q(a) end
  return H.sh(table.concat(words, " "), opts)
end

local function fresh_dir()
  local dir = H.tmpname(".d")
  os.execute("mkdir -p " .. H.q(dir))
  return dir
end

local function has_sqlite()
  return os.execute("command -v sqlite3 >/dev/null 2>&1") == 0
end

describe("chaos.lua", function()
  it("fails I/O calls at random, the same way for the same seed", function()
    local dir = fresh_dir()
    local function run(seed)
      return example("chaos", { CHAOS_SEED = seed, CHAOS_PROB = "0.2" },
        { faults, "writes", dir .. "/out", "20000", "100" })
    end
    local a, b, c = run("11"), run("11"), run("12")
    assert.truthy(a.out:find("w %-1 E%u+\n"), a.out)
    assert.are.equal(a.out, b.out)
    assert.are.equal(a.err, b.err)
    assert.are_not.equal(a.out, c.out)
    assert.truthy(a.err:find("^chaos: seed=11 "), a.err)
    assert.truthy(a.err:find("chaos: faults [1-9]%d*, calls %d+ %(seed=11%)\n$"), a.err)
    -- only errors a write can return
    for e in a.out:gmatch("w %-1 (E%u+)") do
      assert.truthy(({ EIO = 1, ENOSPC = 1, EINTR = 1, EAGAIN = 1 })[e], e)
    end
  end)

  it("prints a fresh seed that replays the run", function()
    local dir = fresh_dir()
    local cmd = { faults, "writes", dir .. "/out", "5000", "100" }
    local a = example("chaos", { CHAOS_PROB = "0.3" }, cmd)
    local seed = a.err:match("^chaos: seed=(%d+)")
    assert.truthy(seed, a.err)
    local b = example("chaos", { CHAOS_PROB = "0.3", CHAOS_SEED = seed }, cmd)
    assert.are.equal(a.out, b.out)
  end)

  it("breaks sqlite3 reproducibly, and leaves it alone with CHAOS_PROB=0", function()
    if not has_sqlite() then pending("no sqlite3") return end
    local function run(seed, prob)
      local dir = fresh_dir()
      return example("chaos", { CHAOS_SEED = seed, CHAOS_PROB = prob, CHAOS_VERBOSE = "1" },
        { "sqlite3", dir .. "/t.db",
          "create table t(x); insert into t values(1),(2),(3); select sum(x) from t;" })
    end
    local a, b = run("5", "0.3"), run("5", "0.3")
    assert.are_not.equal(0, a.status)
    assert.truthy(a.err:find("disk I/O error") or a.err:find("Error"), a.err)
    assert.truthy(a.err:find("chaos: %a+%(%d+%) %-> E%u+\n"), a.err)
    assert.are.equal(a.status, b.status)
    assert.are.equal(a.err, b.err)
    local ok = run("5", "0")
    assert.are.equal(0, ok.status)
    assert.are.equal("6\n", ok.out)
  end)
end)

describe("fail-nth.lua", function()
  it("walks the error paths of cat one open at a time", function()
    local dir = fresh_dir()
    H.writefile(dir .. "/a.txt", "A\n")
    H.writefile(dir .. "/b.txt", "B\n")
    H.writefile(dir .. "/c.conf", "C\n")
    local cmd = { "/bin/sh", "-c", "cd " .. H.q(dir) .. " && cat a.txt c.conf b.txt" }
    local env = { FAIL_PATH = dir .. "/*.txt" }
    env.FAIL_NTH = "1"
    local one = example("fail-nth", env, cmd)
    assert.are.equal("C\nB\n", one.out)
    assert.truthy(one.err:find("fail%-nth: failed open #1: a%.txt %(ENOENT%)"), one.err)
    assert.truthy(one.err:find("cat: a.txt: No such file or directory", 1, true), one.err)
    env.FAIL_NTH, env.FAIL_ERRNO = "2", "EACCES"
    local two = example("fail-nth", env, cmd)
    assert.are.equal("A\nC\n", two.out)
    assert.truthy(two.err:find("cat: b.txt: Permission denied", 1, true), two.err)
    env.FAIL_NTH = "3"
    local three = example("fail-nth", env, cmd)
    assert.are.equal(0, three.status)
    assert.are.equal("A\nC\nB\n", three.out)
    assert.truthy(three.err:find("fail%-nth: only 2 matching opens, #3 never came"), three.err)
  end)

  it("counts across processes", function()
    local dir = fresh_dir()
    H.writefile(dir .. "/x.txt", "x\n")
    local x = dir .. "/x.txt"
    local r = example("fail-nth", { FAIL_PATH = x, FAIL_NTH = "3" },
      { "/bin/sh", "-c", ("cat %s; cat %s; cat %s; cat %s"):format(x, x, x, x) })
    assert.are.equal("x\nx\nx\n", r.out)
    assert.are.equal(1, H.count(r.err, "No such file"))
  end)
end)

describe("slow-disk.lua", function()
  it("delays fsync and writes to files, not to pipes; the program's result is unchanged", function()
    if not has_sqlite() then pending("no sqlite3") return end
    local dir = fresh_dir()
    local r = example("slow-disk", { SLOW_FSYNC = "100ms", SLOW_WRITE = "2ms" },
      { "sqlite3", dir .. "/t.db", "create table t(x); insert into t values(41); select x+1 from t;" },
      { pipe = true })
    assert.are.equal(0, r.status)
    assert.are.equal("42\n", r.out)
    local syncs, writes = r.err:match("slow%-disk: delayed (%d+) syncs and (%d+) writes")
    assert.truthy(syncs, r.err)
    assert.is_true(tonumber(syncs) >= 2 and tonumber(writes) >= 2, r.err)
  end)

  it("delays in one thread do not hold up another: a thread's calls finish during another's fsync", function()
    -- thread A's fsync is held 1 s; thread B starts its 50 calls once A is
    -- stopped by the tracer.  The program records, on its own monotonic
    -- clock, how long the fsync took and when B was done.
    local dir = fresh_dir()
    local r = example("slow-disk", { SLOW_FSYNC = "1s", SLOW_WRITE = "0" },
      { faults, "fsyncthread", dir .. "/f" }, { pipe = true })
    assert.are.equal(0, r.status, r.err)
    assert.truthy(r.out:find("^fsync 0\n"), r.out)
    local took = tonumber(r.out:match("fsync_ms (%d+)"))
    local b_done = tonumber(r.out:match("b_done_ms (%-?%d+)"))
    assert.is_true(took >= 950, r.out) -- the fsync was really held
    assert.is_true(b_done >= 0 and b_done < took, r.out) -- B finished while it was
    assert.truthy(r.err:find("delayed 1 syncs and 0 writes"), r.err)
  end)

  it("pipes are not delayed", function()
    local r = example("slow-disk", { SLOW_WRITE = "1s" }, { "/bin/echo", "hi" }, { pipe = true })
    assert.are.equal("hi\n", r.out)
    assert.truthy(r.err:find("delayed 0 syncs and 0 writes"), r.err)
  end)

  it("SLOW_PATH picks the files; the delays add up", function()
    local dir = fresh_dir()
    local t0 = os.time()
    local r = example("slow-disk", { SLOW_WRITE = "0.4s", SLOW_PATH = dir .. "/*" },
      { faults, "writes", dir .. "/out", "500", "100" })
    assert.are.equal("w 100\nw 100\nw 100\nw 100\nw 100\ntotal 500\n", r.out)
    assert.truthy(r.err:find("delayed 0 syncs and 5 writes %(2%.000 s in all%)"), r.err)
    -- a lower bound only: five 0.4 s holds cannot take less than 2 s
    assert.is_true(os.time() - t0 >= 1)
  end)
end)

describe("short-io.lua", function()
  it("cuts reads and writes short; cat and cp still copy exactly; a seed replays", function()
    local dir = fresh_dir()
    local lines = {}
    for i = 1, 20000 do lines[i] = tostring(i) end
    local src = H.writefile(dir .. "/nums", table.concat(lines, "\n") .. "\n")
    local env = { SHORT_IO_SEED = "3", SHORT_IO_MAX = "1000", SHORT_IO_PROB = "0.9" }
    local a = example("short-io", env, { "/bin/cat", src }, { pipe = true })
    assert.are.equal(0, a.status)
    assert.are.equal(H.readfile(src), a.out)
    local cut = tonumber(a.err:match("short%-io: cut (%d+) of %d+ calls"))
    assert.is_true(cut and cut >= 5, a.err)
    local b = example("short-io", env, { "/bin/cat", src }, { pipe = true })
    assert.are.equal(a.err, b.err)
    local c = example("short-io", { SHORT_IO_SEED = "4" }, { "/bin/cp", src, dir .. "/copy" })
    assert.are.equal(0, c.status)
    assert.are.equal(H.readfile(src), H.readfile(dir .. "/copy"))
  end)

  it("SHORT_IO_MAX and SHORT_IO_CALLS: a program that handles short writes gets all out", function()
    local dir = fresh_dir()
    local r = example("short-io", { SHORT_IO_SEED = "1", SHORT_IO_PROB = "1", SHORT_IO_MAX = "7",
      SHORT_IO_CALLS = "write", SHORT_IO_FDPATH = dir .. "/*" },
      { faults, "writes", dir .. "/out", "30", "10" })
    -- faults' writes loop goes on after short writes; a write of N bytes
    -- moves min(7, N-1), a 1-byte write is whole
    assert.are.equal("w 7\nw 7\nw 7\nw 7\nw 1\nw 1\ntotal 30\n", r.out)
    assert.are.equal(30, #H.readfile(dir .. "/out"))
  end)
end)

describe("no-network.lua", function()
  it("refuses connects off the machine and lets loopback through", function()
    local r = example("no-network", {}, { faults, "connect", "192.0.2.1", "80" })
    assert.are.equal("connect -1 ENETUNREACH\n", r.out)
    assert.truthy(r.err:find("no%-network: refused connect to 192%.0%.2%.1:80"), r.err)
    local v6 = example("no-network", { NO_NETWORK_ERRNO = "EACCES" },
      { faults, "connect", "2001:db8::1", "443" })
    assert.are.equal("connect -1 EACCES\n", v6.out)
    assert.truthy(v6.err:find("%[2001:db8:0:0:0:0:0:1%]:443"), v6.err)
    -- a closed port on loopback: the kernel's own answer
    local lo = example("no-network", { NO_NETWORK_ERRNO = "EACCES" }, { faults, "connect", "127.0.0.1", "1" })
    assert.are.equal("connect -1 ECONNREFUSED\n", lo.out)
    assert.are.equal("", lo.err)
    local mapped = example("no-network", { NO_NETWORK_ERRNO = "EACCES" },
      { faults, "connect", "::ffff:127.0.0.1", "1" })
    assert.are_not.equal("connect -1 EACCES\n", mapped.out)
  end)

  it("refuses sendto, sendmsg and sendmmsg off the machine; loopback datagrams arrive", function()
    local r = example("no-network", {}, { "/usr/bin/python3", "-c", [[
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try: s.sendto(b'x', ('10.255.255.1', 9)); print('sent')
except OSError as e: print('sendto', e.errno == 101)
r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); r.bind(('127.0.0.1', 0))
print(s.sendto(b'hello', r.getsockname()), r.recv(10))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
for dest in ('::ffff:10.255.255.1', '2001:db8::1'):
    try: s6.sendmsg([b'x'], [], 0, (dest, 53)); print('sent')
    except OSError as e: print('sendmsg', e.errno == 101)
r6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
try:
    r6.bind(('::1', 0))
    print(s6.sendmsg([b'six'], [], 0, r6.getsockname()), r6.recv(10))
except OSError:
    print(3, b'six') # no IPv6 loopback here
r.settimeout(5)
print(s6.sendto(b'mapped', ('::ffff:127.0.0.1', r.getsockname()[1])), r.recv(10))
]] })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("sendto True\n5 b'hello'\nsendmsg True\nsendmsg True\n3 b'six'\n6 b'mapped'\n", r.out)
    assert.truthy(r.err:find("no%-network: refused sendto to 10%.255%.255%.1:9\n"), r.err)
    assert.truthy(r.err:find("no%-network: refused sendmsg to 10%.255%.255%.1:53\n"), r.err) -- mapped: IPv4
    assert.truthy(r.err:find("refused sendmsg to %[2001:db8:0:0:0:0:0:1%]:53"), r.err)
    -- sendmmsg: the messages before the first refused one go
    local m = example("no-network", {}, { faults, "sendmmsg", "127.0.0.1:9", "10.255.255.1:9", "127.0.0.1:9" })
    assert.are.equal("sendmmsg 1\n", m.out)
    assert.truthy(m.err:find("refused sendmmsg to 10%.255%.255%.1:9 %(message 2 of 3%)"), m.err)
    m = example("no-network", {}, { faults, "sendmmsg", "10.255.255.1:9", "127.0.0.1:9" })
    assert.are.equal("sendmmsg -1 ENETUNREACH\n", m.out)
  end)

  it("NO_NETWORK_ALLOW lets listed prefixes through", function()
    -- this machine's own address: a closed port answers at once, no traffic leaves
    local p = io.popen("hostname -I 2>/dev/null")
    local own = (p:read("*a") or ""):match("(%d+%.%d+%.%d+%.%d+)")
    p:close()
    if own and not own:match("^127%.") then
      local env = { NO_NETWORK_ERRNO = "EACCES" }
      assert.are.equal("connect -1 EACCES\n", example("no-network", env, { faults, "connect", own, "1" }).out)
      env.NO_NETWORK_ALLOW = "10.0.0.0/8," .. own:match("^(%d+%.%d+%.%d+)%.") .. ".0/24"
      local r = example("no-network", env, { faults, "connect", own, "1" }, { timeout = 10 })
      assert.are.equal("connect -1 ECONNREFUSED\n", r.out)
    end
    local bad = example("no-network", { NO_NETWORK_ALLOW = "nonsense" }, { faults, "connect", "127.0.0.1", "1" })
    assert.are.equal(1, bad.status)
    assert.truthy(bad.err:find("NO_NETWORK_ALLOW: nonsense"), bad.err)
  end)
end)

describe("the environment-configured examples' settings", function()
  local cases = {
    { "chaos", "CHAOS_PROB", "2" }, { "chaos", "CHAOS_PROBB", "0.1" }, { "chaos", "CHAOS_VERBOSE", "yes" },
    { "fail-nth", "FAIL_NTH", "0" }, { "fail-nth", "FAIL_ERRNO", "EFOO" }, { "fail-nth", "FAIL_CALS", "open" },
    { "fail-nth", "FAIL_CALLS", "opn" },
    { "no-network", "NO_NETWORK_ERRNO", "EBOGUS" }, { "no-network", "NO_NETWORK_QUIET", "yes" },
    { "no-network", "NO_NETWORK_ALOW", "10.0.0.0/8" },
    { "short-io", "SHORT_IO_PROB", "1.5" }, { "short-io", "SHORT_IO_MAX", "0" },
    { "short-io", "SHORT_IO_MAX", "x" }, { "short-io", "SHORT_IO_MAXX", "3" },
    { "slow-disk", "SLOW_FSYNC", "abc" }, { "slow-disk", "SLOW_AT", "middle" },
    { "slow-disk", "SLOW_FSYNK", "1s" },
  }
  for _, c in ipairs(cases) do
    it(("%s refuses %s=%s"):format(c[1], c[2], c[3]), function()
      local r = example(c[1], { [c[2]] = c[3] }, { "/bin/echo", "RAN" })
      assert.are.equal(1, r.status, r.err)
      assert.are.equal("", r.out)
      assert.truthy(r.err:match("^ttlua: " .. c[1]:gsub("%-", "%%-") .. ": [^\n]+\n$"), r.err)
    end)
  end
end)
