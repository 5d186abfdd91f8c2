-- The fault-injection rule language (ttlua.inject.spec), ttlua.glob and
-- ttlua.prng as plain Lua: no tracing involved.
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
local spec = require "ttlua.inject.spec"
local glob = require "ttlua.glob"
local prng = require "ttlua.prng"
local syscalls = require "ttlua.syscalls"

local sys = syscalls.arch("x86_64")
local function nr(name) return sys.by_name[name].nr end

describe("when=", function()
  it("reads strace's forms", function()
    assert.are.same({ first = 3, step = 0 }, spec.parse_when("3"))
    assert.are.same({ first = 3, step = 1 }, spec.parse_when("3+"))
    assert.are.same({ first = 3, step = 4 }, spec.parse_when("3+4"))
    assert.are.same({ first = 2, last = 5, step = 1 }, spec.parse_when("2..5"))
    assert.are.same({ first = 2, last = 5, step = 1 }, spec.parse_when("2..5+"))
    assert.are.same({ first = 2, last = 9, step = 3 }, spec.parse_when("2..9+3"))
    assert.are.same({ first = 7, step = 0 }, spec.parse_when(7))
    assert.are.same({ first = 1, last = 4, step = 2 }, spec.parse_when({ first = 1, last = 4, step = 2 }))
    for _, bad in ipairs({ "0", "x", "3..2", "1+0", "1..", "+2", "1.5", "" }) do
      assert.is_nil(spec.parse_when(bad), bad)
    end
  end)
end)

describe("delays", function()
  it("take s, ms, us, ns; a bare number is microseconds (strace); a Lua number seconds", function()
    assert.are.equal(1e-5, spec.parse_delay("10"))
    assert.are.equal(1.5e-3, spec.parse_delay("1.5ms"))
    assert.are.equal(2, spec.parse_delay("2s"))
    assert.are.equal(100e-9, spec.parse_delay("100ns"))
    assert.are.equal(3e-6, spec.parse_delay("3us"))
    assert.are.equal(0.25, spec.parse_delay(0.25))
    for _, bad in ipairs({ "-1", "1h", "fast", "", "1 ms x" }) do
      assert.is_nil(spec.parse_delay(bad), bad)
    end
  end)
end)

describe("syscall sets", function()
  it("names, classes, regexes, inversion, optional names, numbers", function()
    local s = assert(spec.parse_set("read,write"))
    assert.is_true(s[nr("read")] and s[nr("write")])
    assert.is_nil(s[nr("open")])
    s = assert(spec.parse_set("%net"))
    assert.is_true(s[nr("connect")] and s[nr("socket")])
    assert.is_nil(s[nr("read")])
    s = assert(spec.parse_set("network")) -- strace's legacy spelling
    assert.is_true(s[nr("connect")])
    s = assert(spec.parse_set("/^read"))
    assert.is_true(s[nr("read")] and s[nr("readv")] and s[nr("readlink")])
    assert.is_nil(s[nr("pread64")])
    s = assert(spec.parse_set("!getuid"))
    assert.is_nil(s[nr("getuid")])
    assert.is_true(s[nr("getpid")])
    s = assert(spec.parse_set("!!getuid"))
    assert.is_true(s[nr("getuid")])
    assert.are.same({}, assert(spec.parse_set("?nosuchcall")))
    assert.are.same({}, assert(spec.parse_set("none")))
    s = assert(spec.parse_set("all"))
    assert.is_true(s[nr("read")] and s[nr("exit_group")])
    s = assert(spec.parse_set("39,getuid@64"))
    assert.is_true(s[39] and s[nr("getuid")])
    s = assert(spec.parse_set("%%stat"))
    assert.is_true(s[nr("newfstatat")] and s[nr("statx")])
    s = assert(spec.parse_set({ "%pure", "read" }))
    assert.is_true(s[nr("getpid")] and s[nr("read")])
    local _, err = spec.parse_set("nosuchcall")
    assert.truthy(err:find("^invalid system call 'nosuchcall'"), err)
    _, err = spec.parse_set("getuidd")
    assert.truthy(err:find("did you mean getuid"), err)
    _, err = spec.parse_set("/(")
    assert.truthy(err and err:find("bad regular expression"), err)
  end)
end)

describe("the --inject grammar", function()
  it("splits keys, keeps escaped and glob colons, and lets the last when= win", function()
    local t = assert(spec.parse("read,write:error=EIO:when=2:when=3+"))
    assert.are.same({ set = "read,write", kind = "inject", error = "EIO", when = "3+" }, t)
    t = assert(spec.parse("connect:error=EACCES:fdpath=socket:*"))
    assert.are.equal("socket:*", t.fdpath)
    t = assert(spec.parse("openat:error=EIO:path=/a\\:b/*"))
    assert.are.equal("/a:b/*", t.path)
  end)

  it("refuses what strace refuses", function()
    local function err(s, kind) return select(2, spec.parse(s, kind)) end
    assert.truthy(err("read:error=EIO:error=EPERM"):find("twice"))
    assert.truthy(err("read:error=EIO:retval=0"):find("exclude"))
    assert.truthy(err("read:nokey"):find("KEY=VALUE"))
    assert.truthy(err("read:colour=red"):find("unknown key colour"))
    assert.truthy(err("read:delay_enter=1", "fault"):find("not a %-%-fault key"))
    assert.truthy(err(":error=EIO"):find("no syscall set"))
  end)
end)

describe("compiling rules", function()
  it("checks values and defaults like strace", function()
    local r = assert(spec.compile("getuid:error=EIO:when=2..3"))
    assert.are.equal(-5, r.value)
    assert.are.same({ first = 2, last = 3, step = 1 }, r.when)
    r = assert(spec.compile("getuid", "fault"))
    assert.are.equal(-38, r.value) -- ENOSYS
    r = assert(spec.compile("getuid:retval=0x20"))
    assert.are.equal(32, r.value)
    r = assert(spec.compile("getuid:retval=010"))
    assert.are.equal(8, r.value) -- strtoull base 0: octal
    r = assert(spec.compile("getuid:signal=usr2"))
    assert.are.equal(12, r.signal)
    r = assert(spec.compile("getuid:signal=SIGRTMIN+2"))
    assert.are.equal(34, r.signal)
    r = assert(spec.compile("getuid:error=4095"))
    assert.are.equal(-4095, r.value)
    r = assert(spec.compile("write:after=1k"))
    assert.are.equal(1024, r.after)
    assert.are.equal(-28, r.value) -- ENOSPC once the budget is spent
    r = assert(spec.compile("write:after=2m:error=EDQUOT"))
    assert.are.equal(2 * 1024 * 1024, r.after)
    assert.are.equal(-122, r.value)
    r = assert(spec.compile("read:error=EIO:prob=5%:seed=99"))
    assert.are.equal(0.05, r.prob)
    assert.are.equal("99", r.seed_text)
    r = assert(spec.compile("read:poke_enter=@arg2=00ff,@arg3=41"))
    assert.are.same({ { arg = 2, bytes = "\0\255" }, { arg = 3, bytes = "A" } }, r.poke_enter)
    for _, bad in ipairs({
      "getuid:error=0", "getuid:error=4096", "getuid:error=EBOGUS", "getuid:signal=65",
      "getuid:signal=SIGBOGUS", "getuid:retval=ten", "getuid:prob=1.5", "getuid:fd=-1",
      "getuid:syscall=write:error=EIO", "read:short=0", "read:poke_exit=@arg7=00",
      "read:poke_exit=@arg1=0", "getuid:after=10", "getuid:short=2", "getuid:fd=3:error=EIO",
    }) do
      assert.is_nil(spec.compile(bad), bad)
    end
  end)

  it("knows which rules can live in the seccomp filter", function()
    assert.is_true(spec.compile("socket:error=EACCES").static)
    assert.is_true(spec.compile("fsync:retval=0").static)
    assert.is_true(spec.compile("write:error=EIO:fd=7").static)
    assert.is_true(spec.compile("write:error=EIO:when=1+").static)
    for _, dynamic in ipairs({
      "socket:error=EACCES:when=2", "fsync:retval=1", "openat:error=EIO:path=/x",
      "write:error=EIO:fdpath=/x", "read:error=EIO:prob=0.5", "write:after=10",
      "getuid:signal=SIGUSR1", "getuid:error=EIO:delay_enter=1ms", "read:short=1",
    }) do
      assert.is_false(spec.compile(dynamic).static, dynamic)
    end
  end)

  it("tables take the same keys, with Lua extras", function()
    local r = assert(spec.compile({ "read,write", error = { "EIO", "EINTR" }, seed = "x", delay_exit = 0.5 }))
    assert.are.same({ 5, 4 }, r.errors)
    assert.are.equal(0.5, r.delay_exit)
    assert.is_nil(spec.compile({ "read", error = "EIO", colour = 1 }))
    assert.is_nil(spec.compile({ error = "EIO" }))
    local f = function() return true end
    r = assert(spec.compile({ set = { "connect" }, error = "ENETUNREACH", match = f }))
    assert.are.equal(f, r.match)
    assert.is_false(r.static)
  end)
end)

describe("ttlua.glob", function()
  local function m(pat, path) return glob.compile(pat)(path) end
  it("matches basenames, whole paths and tails", function()
    assert.is_true(m("*.db", "/var/lib/x/a.db"))
    assert.is_false(m("*.db", "/var/lib/x.db/a"))
    assert.is_true(m("/tmp/*.db", "/tmp/a.db"))
    assert.is_false(m("/tmp/*.db", "/tmp/x/a.db"))
    assert.is_true(m("/tmp/**/*.db", "/tmp/x/y/a.db"))
    assert.is_true(m("/tmp/**/*.db", "/tmp/a.db"))
    assert.is_true(m("/tmp/**", "/tmp/x/y"))
    assert.is_true(m("x/*.db", "/srv/x/a.db"))
    assert.is_false(m("x/*.db", "/srv/xx/a.db"))
    assert.is_true(m("f?[0-9][!a]", "/f1/fz7b"))
    assert.is_false(m("f?[0-9][!a]", "/fz7a"))
    assert.is_true(m("socket:*", "socket:[1234]"))
    assert.is_true(m("a\\*b", "/q/a*b"))
    assert.is_false(m("a\\*b", "/q/axb"))
    assert.is_true(m("[", "/q/["))
    assert.is_true(m("/a/./b/../c", "/a/c"))
  end)

  it("normalizes paths without the file system", function()
    assert.are.equal("/a/c", glob.normalize("/a//b/../c/."))
    assert.are.equal("/", glob.normalize("/.."))
    assert.are.equal("../x", glob.normalize("a/../../x"))
    assert.are.equal(".", glob.normalize("a/.."))
  end)
end)

describe("ttlua.prng", function()
  it("is SplitMix64", function()
    local g = prng.new(1234567)
    assert.are.equal("6457827717110365317", prng.seed_text(g:next64()))
    assert.are.equal("3203168211198807973", prng.seed_text(g:next64()))
    assert.are.equal("16294208416658607535", prng.seed_text(prng.new(0):next64()))
  end)

  it("gives the same stream for the same seed and name", function()
    local a, b = prng.derive(42, "rule", 1, "1.2"), prng.derive(42, "rule", 1, "1.2")
    local c = prng.derive(42, "rule", 1, "1.3")
    local sa, sb, sc = {}, {}, {}
    for i = 1, 20 do sa[i], sb[i], sc[i] = a:random(), b:random(), c:random() end
    assert.are.same(sa, sb)
    assert.are_not.same(sa, sc)
    for _, x in ipairs(sa) do assert.is_true(x >= 0 and x < 1) end
  end)

  it("reads seeds from numbers, digit strings (up to 2^64-1) and other strings", function()
    assert.are.equal("18446744073709551615", prng.seed_text(prng.seed_value("18446744073709551615")))
    assert.are.equal("7", prng.seed_text(prng.seed_value(7)))
    assert.truthy(prng.seed_value("chaos/1"))
    assert.is_nil(prng.seed_value(-1))
    assert.is_nil(prng.seed_value(1.5))
  end)
end)
