-- The stop economy (DESIGN.md section 2) and ttlua.rule, checked through
-- --stats: a regression that adds stops fails here.  Every scenario also
-- checks what the traced program saw.  No timings: counts only.
local H = require "tests.helper"

local progs = H.progs
local storm = progs .. "/storm"

-- The "ttlua --stats: NAME VALUE" lines of a run, by name.
local function stats(err)
  local t = {}
  for name, v in err:gmatch("ttlua %-%-stats: +([^\n]-) +([%d%.]+)\n") do
    t[name] = tonumber(v)
  end
  assert.is_not_nil(t["ptrace stops"], "no --stats output in:\n" .. err)
  return t
end

local function run(args, opts)
  local words = { "--stats" }
  for _, a in ipairs(args) do words[#words + 1] = a end
  local r = H.run(words, opts)
  r.stats = stats(r.err)
  return r
end

describe("the stop economy", function()
  it("a policy whose handlers never run costs no syscall stop", function()
    local pol = H.policy [[ return { mknodat = function() return -1 end } ]]
    local r = run({ pol, "--", storm, "2000" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("rounds 2000 failed 0 errno 0\n", r.out)
    local s = r.stats
    assert.are.equal(0, s["seccomp stops"])
    assert.are.equal(0, s["exit stops"])
    assert.are.equal(0, s["handled calls"])
    assert.is_true(s["ptrace stops"] < 20, r.err) -- exec and exit events only
  end)

  it("a refusing handler costs one stop per handled call and no exit stop", function()
    local pol, rec = H.policy [[
      local n = 0
      return {
        write = function(c) n = n + 1; if c.fd > 2 then return -5 end end,
        on_finish = function() RECORD(n) end,
      }
    ]]
    local r = run({ pol, "--", storm, "1000" })
    assert.are.equal(0, r.status, r.err)
    -- both writes of each round fail with EIO; the pipe read is skipped
    assert.are.equal("rounds 1000 failed 2000 errno 5\n", r.out)
    local s = r.stats
    local n = H.records(rec)[1][1]
    assert.are.equal(2001, n) -- and the final printf
    assert.are.equal(n, s["handled calls"])
    assert.are.equal(n, s["seccomp stops"])
    assert.are.equal(n, s["answered at entry"])
    assert.are.equal(0, s["exit stops"])
    assert.are.equal(0, s["exit requests"])
  end)

  it("a faked result and a rewritten argument cost one stop each", function()
    local pol = H.policy [[
      return {
        getppid = function() return 4242 end,
        write = function(c) if c.fd == 1 and c.count == 11 then c.count = 5 end end,
      }
    ]]
    local r = run({ pol, "--", progs .. "/calls", "getppid", "300" })
    assert.are.equal("4242\n", r.out)
    assert.are.equal(301, r.stats["seccomp stops"]) -- 300 getppid, 1 write
    assert.are.equal(0, r.stats["exit stops"])
    r = run({ pol, "--", progs .. "/calls", "write", "hello world" })
    assert.are.equal("hello n=5\n", r.out)
    assert.are.equal(2, r.stats["seccomp stops"])
    assert.are.equal(0, r.stats["exit stops"])
  end)

  -- N more calls cost exactly N more ptrace stops (the run with N calls
  -- and the run with 2N differ by N), whatever the start-up costs; none is
  -- an exit stop.  A handler that answers or rewrites at the entry and
  -- never calls run() must not pay for the exit.
  local function one_stop_each(src, argv_of, n, calls_per, want_out)
    local pol = H.policy(src)
    local function go(k)
      local r = run({ pol, "--", unpack(argv_of(k)) })
      assert.are.equal(0, r.status, r.err)
      assert.are.equal(want_out(k), r.out)
      assert.are.equal(0, r.stats["exit stops"], r.err)
      assert.are.equal(0, r.stats["exit requests"], r.err)
      assert.are.equal(0, r.stats["entry stops"], r.err)
      return r.stats
    end
    local a, b = go(n), go(2 * n)
    assert.are.equal(n * calls_per, b["handled calls"] - a["handled calls"])
    assert.are.equal(n * calls_per, b["ptrace stops"] - a["ptrace stops"])
    assert.are.equal(n * calls_per, b["seccomp stops"] - a["seccomp stops"])
  end

  it("refusing, faking and rewriting without run(): one ptrace stop per call, none at exit", function()
    local getppid = function(k) return { progs .. "/calls", "getppid", tostring(k) } end
    -- refused
    one_stop_each([[ return { getppid = function() return -1 end } ]], getppid, 300, 1,
      function() return "-1\n" end)
    -- a faked result
    one_stop_each([[ return { getppid = function() return 4242 end } ]], getppid, 300, 1,
      function() return "4242\n" end)
    local storm_of = function(k) return { storm, tostring(k) } end
    local ok = function(k) return ("rounds %d failed 0 errno 0\n"):format(k) end
    -- a rewritten number: the one-byte writes of each round (count stays
    -- 1, but an assignment is always written to the register)
    one_stop_each([[ return { write = function(c) if c.count == 1 then c.count = 1 end end } ]],
      storm_of, 300, 2, ok)
    -- a rewritten string (scratch memory: its mmap is injected once, at
    -- the first rewrite, and cancels out of the difference)
    local rewrite = [[ return { write = function(c) if c.count == 1 then c.buf = "z" end end } ]]
    one_stop_each(rewrite, storm_of, 300, 2, ok)
    local r = H.run({ H.policy(rewrite), "--", progs .. "/calls", "write", "a" })
    assert.are.equal("z n=1\n", r.out) -- and the rewrite took effect
  end)

  it("call:run() and call:after() pay the exit stop, once per call", function()
    local pol, rec = H.policy [[
      local ttlua = require "ttlua"
      local seen = 0
      return {
        getppid = function(c) local r = c:run(); seen = seen + (r > 0 and 1 or 0) end,
        getpid = ttlua.direct(function(c)
          c:after(function(call) RECORD("after", call.result > 0) ; return 77 end)
        end),
        on_finish = function() RECORD("run", seen) end,
      }
    ]]
    local r = run({ pol, "--", progs .. "/calls", "getppid", "200" })
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ { "run", 200 } }, H.records(rec))
    assert.are.equal(200, r.stats["exit stops"])
    assert.are.equal(200, r.stats["exit requests"])
    assert.are.equal(200, r.stats["seccomp stops"])
    r = run({ pol, "--", progs .. "/calls", "getpid" })
    assert.are.equal("77\n", r.out) -- the after function's value replaced the pid
    assert.are.equal(1, r.stats["exit stops"])
  end)

  it("passthru logs every call with two stops (one for calls that never return)", function()
    local log = H.tmpname(".log")
    local r = run({ "-o", log, "--", progs .. "/calls", "getppid", "500" })
    assert.are.equal(0, r.status, r.err)
    local s = r.stats
    assert.are.equal(s["handled calls"], s["seccomp stops"])
    -- exit_group has no exit stop
    assert.are.equal(s["handled calls"] - 1, s["exit stops"])
    assert.are.equal(500, H.count(H.readfile(log), "getppid%(%)%s+= %d+$"))
  end)
end)

describe("ttlua.rule", function()
  it("a compiled rule refuses with no stop at all", function()
    local pol = H.policy [[
      local ttlua = require "ttlua"
      ttlua.rule{ "write", count = 1, ret = -ttlua.errno.EIO }
      return {}
    ]]
    local r = run({ pol, "--", storm, "1000" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("rounds 1000 failed 2000 errno 5\n", r.out)
    local s = r.stats
    assert.are.equal(1, s["compiled rules"])
    assert.are.equal(0, s["handler rules"])
    assert.are.equal(0, s["seccomp stops"])
    assert.are.equal(0, s["handled calls"])
  end)

  it("a compiled rule wins over a handler of the same syscall (which sees the rest)", function()
    local pol, rec = H.policy [[
      local ttlua = require "ttlua"
      ttlua.rule{ "write", count = 1, ret = -ttlua.errno.EIO }
      local seen = {}
      return {
        write = function(c) seen[#seen + 1] = c.count end,
        on_finish = function() RECORD(unpack(seen)) end,
      }
    ]]
    local r = run({ pol, "--", storm, "500" })
    assert.are.equal("rounds 500 failed 1000 errno 5\n", r.out)
    assert.are.same({ { #"rounds 500 failed 1000 errno 5\n" } }, H.records(rec))
    assert.are.equal(1, r.stats["seccomp stops"])
    assert.are.equal(1, r.stats["compiled rules"])
  end)

  it("constants and flag masks compile; other values of the argument pass", function()
    local pol = H.policy [[
      local ttlua = require "ttlua"
      local E, C = ttlua.errno, ttlua.const
      -- opening for writing fails; reading works
      ttlua.rule{ "openat", flags = { "&", C.O_ACCMODE, C.O_WRONLY }, ret = -E.EROFS }
      ttlua.rule{ "socket", domain = "AF_INET", ret = -E.EACCES }
      return {}
    ]]
    local file = H.writefile(H.tmpname(".txt"), "kept\n")
    local r = run({ pol, "--", "/bin/sh", "-c", "echo new > " .. file })
    assert.are_not.equal(0, r.status)
    assert.truthy(r.err:find("Read-only file system", 1, true), r.err)
    assert.are.equal("kept\n", H.readfile(file))
    assert.are.equal(2, r.stats["compiled rules"])
    assert.are.equal(0, r.stats["seccomp stops"])
    r = run({ pol, "--", "/bin/cat", file })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("kept\n", r.out)
  end)

  it("an allow rule lets calls through a handled syscall without a stop", function()
    local pol = H.policy [[
      local ttlua = require "ttlua"
      ttlua.rule{ "write", fd = 1, action = "allow" }
      return { write = function() return -5 end }
    ]]
    local r = run({ pol, "--", storm, "300" })
    assert.are.equal("rounds 300 failed 600 errno 5\n", r.out) -- stdout allowed
    assert.are.equal(600, r.stats["seccomp stops"])
    assert.are.equal(1, r.stats["compiled rules"])
  end)

  it("rules that cannot compile run as a handler with the same meaning", function()
    local pol, rec = H.policy [[
      local ttlua = require "ttlua"
      local E = ttlua.errno
      ttlua.rule{ "openat", pathname = "/etc/hostname", ret = -E.EACCES }
      ttlua.rule{ "getppid", every = 10, ret = -E.EIO }
      ttlua.rule{ "getpid", ret = 4242 }
      return { on_finish = function()
        for _, l in ipairs(require("ttlua.rules").explain()) do RECORD(l) end
      end }
    ]]
    local r = run({ pol, "--", progs .. "/calls", "open", "/etc/hostname" })
    assert.are.equal("errno 13\n", r.out)
    assert.are.equal(0, r.stats["compiled rules"])
    assert.are.equal(3, r.stats["handler rules"])
    local why = H.records(rec)
    assert.truthy(why[1][1]:find("string condition on pathname"), why[1][1])
    assert.truthy(why[2][1]:find("counting"), why[2][1])
    assert.truthy(why[3][1]:find("not 0 or %-errno"), why[3][1])
    r = run({ pol, "--", storm, "100" })
    assert.are.equal("rounds 100 failed 10 errno 5\n", r.out) -- every 10th getppid
    assert.is_true(r.stats["handled calls"] >= 100) -- and the loader's openat calls
    assert.are.equal(r.stats["handled calls"], r.stats["seccomp stops"])
    r = run({ pol, "--", progs .. "/calls", "getpid" })
    assert.are.equal("4242\n", r.out)
  end)

  it("overlapping rules with different results keep their order", function()
    local pol, rec = H.policy [[
      local ttlua = require "ttlua"
      local E = ttlua.errno
      ttlua.rule{ "write", fd = 1, action = "allow" }
      ttlua.rule{ "write", count = 1, ret = -E.EIO }       -- overlaps: a handler
      ttlua.rule{ "getppid", ret = -E.EPERM }
      return { on_finish = function()
        for _, l in ipairs(require("ttlua.rules").explain()) do RECORD(l) end
      end }
    ]]
    local r = run({ pol, "--", storm, "50" })
    assert.are.equal("rounds 50 failed 150 errno 5\n", r.out)
    local why = H.records(rec)
    assert.truthy(why[1][1]:find("in the filter"), why[1][1])
    assert.truthy(why[2][1]:find("overlaps rule #1"), why[2][1])
    assert.truthy(why[3][1]:find("in the filter"), why[3][1])
    -- only the 1-byte writes the handler had to judge stopped
    assert.are.equal(100, r.stats["seccomp stops"])
  end)

  it("rules.compile() compiles low-level rules for other modules", function()
    local pol, rec = H.policy [[
      local rules = require "ttlua.rules"
      local nr = require("ttlua").syscalls.by_name.getppid.nr
      RECORD(rules.compile{ nr = nr, errno = 1 })
      RECORD(rules.compile{ nr = 1, args = { { 3, "==", 1 } }, errno = 5 })
      RECORD(rules.compile{ nr = 1, args = { { 1, "==", 1 } }, errno = 6 }) -- overlaps
      return {}
    ]]
    local r = run({ pol, "--", storm, "10" })
    -- getppid fails with EPERM, the 1-byte writes with EIO
    assert.are.equal("rounds 10 failed 30 errno 5\n", r.out)
    local got = H.records(rec)
    assert.are.same({ true }, got[1])
    assert.are.same({ true }, got[2])
    assert.are.equal(false, got[3][1])
    assert.truthy(got[3][2]:find("overlaps"), got[3][2])
    assert.are.equal(0, r.stats["seccomp stops"])
  end)

  it("a bad rule is a one-line error", function()
    for _, case in ipairs({
      { 'ttlua.rule{ "sockit", ret = -1 }', "sockit is not a syscall name" },
      { 'ttlua.rule{ "socket", domian = 2, ret = -1 }', "socket has no argument domian" },
      { 'ttlua.rule{ "socket", domain = 2 }', "needs ret" },
      { 'ttlua.rule{ "socket", domain = "AF_NOPE", ret = -1 }', "unknown constant" },
    }) do
      local pol = H.policy("local ttlua = require 'ttlua'\n" .. case[1] .. "\nreturn {}")
      local r = H.run({ pol, "--", "/bin/true" })
      assert.are.equal(1, r.status)
      assert.truthy(r.err:find(case[2], 1, true), r.err)
      assert.are.equal(1, #H.lines(r.err), r.err)
    end
  end)
end)

describe("handlers without a coroutine", function()
  it("call:run() in a ttlua.direct handler says to use call:after()", function()
    local pol = H.policy [[
      local ttlua = require "ttlua"
      return { getppid = ttlua.direct(function(c) c:run() end) }
    ]]
    local r = H.run({ pol, "--", progs .. "/calls", "getppid", "1" })
    assert.truthy(r.err:find("call:after", 1, true), r.err)
    assert.truthy(tonumber(r.out) > 0) -- the call proceeded
  end)

  it("the printer's C quoting matches quote.lua", function()
    local pol, rec = H.policy [[
      local ffi = require "ffi"
      local buffer = require "string.buffer"
      local core = require "ttlua.core"
      local quote = require "ttlua.quote"
      return { on_start = function()
        local bad = 0
        math.randomseed(7)
        for n = 0, 400 do
          local t = {}
          for i = 1, n % 41 do
            local r = math.random()
            t[i] = string.char(r < 0.6 and math.random(32, 126) or r < 0.8
              and math.random(48, 57) or math.random(0, 255))
          end
          local s = table.concat(t)
          for _, hex in ipairs({ false, true }) do
            local b = buffer.new()
            local p = b:reserve(4 * #s + 2)
            b:commit(tonumber(core.C.ttl_quote(p, ffi.cast("const uint8_t *", s), #s, hex and 1 or 0)))
            if b:tostring() ~= quote.quote(s, nil, hex) then bad = bad + 1 end
          end
        end
        RECORD(bad)
      end }
    ]]
    local r = H.run({ pol, "--", "/bin/true" })
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ { 0 } }, H.records(rec))
  end)
end)
