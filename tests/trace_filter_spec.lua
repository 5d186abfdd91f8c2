-- -e trace= (issue 3): strace's selection syntax; passthru logs exactly the
-- selected calls and the seccomp filter stops on nothing else.
local H = require "tests.helper"
local syscalls = require "ttlua.syscalls"
local TE = require "ttlua.trace_expr"

local sys = syscalls.arch("x86_64")
local outputs = H.progs .. "/outputs"

local function have_strace()
  return os.execute("strace -V >/dev/null 2>&1") == 0
end

-- Names of the calls a log shows.
local function names(log)
  local seen = {}
  for _, l in ipairs(H.lines(log)) do
    local n = l:match("^([%w_]+)%(") or l:match("^<%.%.%. ([%w_]+) resumed>")
    if n then seen[n] = (seen[n] or 0) + 1 end
  end
  return seen
end

local function keys(t)
  local k = {}
  for n in pairs(t) do k[#k + 1] = n end
  table.sort(k)
  return k
end

-- The syscall numbers the seccomp filter traces (from --dump-filter).
local function traced(args)
  local words = { "--dump-filter" }
  for _, a in ipairs(args) do words[#words + 1] = a end
  words[#words + 1] = "--"
  words[#words + 1] = "true"
  local r = H.run(words)
  assert.are.equal(0, r.status, r.err)
  local t = {}
  local pending_name
  for line in r.out:gmatch("[^\n]+") do
    -- libseccomp may not know a new call's name: go by its number
    local nr = line:match('filter for syscall "[%w_]+" %((%d+)%)')
    if nr then pending_name = sys.by_nr[tonumber(nr)].name end
    if line:find("action TRACE%(0%)") and pending_name then
      t[pending_name] = true
      pending_name = nil
    end
  end
  -- the guard (src/guard.c) always stops these, on some arguments, whatever
  -- the policy: clone with CLONE_UNTRACED, clone3, ptrace attach requests
  if #args > 0 then t.clone, t.clone3, t.ptrace = nil, nil, nil end
  local default = r.out:match("# default action\n%s*action ([%u_]+)")
  return t, default
end

describe("syscall sets (strace's syntax)", function()
  local function set(s) return assert(TE.syscall_set(s, sys)) end
  local function count(t)
    local n = 0
    for _ in pairs(t) do n = n + 1 end
    return n
  end

  it("names, numbers, @64, all and none", function()
    assert.are.same({ "close", "openat", "read" }, keys(set("openat,read,close")))
    assert.are.same({ "read", "write" }, keys(set("0,1")))
    assert.are.same({ "openat" }, keys(set("openat@64")))
    assert.are.equal(#sys.list, count(set("all")))
    assert.are.same({}, set("none"))
  end)

  it("! inverts the whole set, each ! again", function()
    local s = set("!write,read")
    assert.is_nil(s.write)
    assert.is_nil(s.read)
    assert.is_true(s.openat)
    assert.are.equal(#sys.list - 2, count(s))
    assert.are.same({ "read", "write" }, keys(set("!!write,read")))
    assert.are.equal(#sys.list, count(set("!none")))
    assert.are.same({}, set("!all"))
  end)

  it("%classes, legacy class names and %%stat", function()
    for name in pairs(set("%file")) do assert.is_true(sys.by_name[name].classes.file) end
    assert.is_true(set("%file").openat)
    assert.is_nil(set("%file").read)
    assert.are.same(set("%network"), set("%net"))
    assert.are.same(set("network"), set("%net"))
    assert.is_true(set("%net").connect)
    assert.are.same({ "fstat", "lstat", "newfstatat", "stat", "statx" }, keys(set("%%stat")))
    assert.are.same({ "stat" }, keys(set("%stat")))
    assert.is_true(set("%clock").clock_gettime)
    assert.is_true(set("%creds").setuid)
  end)

  it("/regex is a POSIX extended regex matched anywhere in the name", function()
    assert.are.same({ "getpid", "getppid" }, keys(set("/^get(p)?pid$")))
    for name in pairs(set("/stat")) do assert.truthy(name:find("stat")) end
    assert.is_true(set("/^(read|write)v$").readv)
  end)

  it("?NAME is optional; bad elements are one-line errors with a hint", function()
    assert.are.same({ "read" }, keys(set("read,?nosuchcall")))
    local _, err = TE.syscall_set("opnat", sys)
    assert.are.equal("invalid system call 'opnat' (did you mean openat?)", err)
    _, err = TE.syscall_set("%fil", sys)
    assert.are.equal("invalid system call class '%fil' (did you mean %file?)", err)
    _, err = TE.syscall_set("/(", sys)
    assert.truthy(err:match("^bad regular expression"), err)
    _, err = TE.syscall_set("read@32", sys)
    assert.truthy(err:match("x86_64"), err)
    _, err = TE.syscall_set("99999", sys)
    assert.are.equal("invalid system call '99999'", err)
  end)

  it("the last -e trace= wins; inject= and fault= pass through untouched", function()
    local q = assert(TE.parse({ "trace=read", "inject=openat:error=ENOENT", "write",
                                "fault=close:when=2" }, sys))
    assert.are.same({ "write" }, keys(q.trace))
    assert.are.same({ "inject=openat:error=ENOENT", "fault=close:when=2" }, q.pass)
    local _, err = TE.parse({ "bogus=1" }, sys)
    assert.truthy(err:find("unknown qualifier 'bogus'"), err)
    _, err = TE.parse({ "raw=all" }, sys)
    assert.truthy(err:find("not supported"), err)
    q = assert(TE.parse({ "status=!failed", "signal=!all", "quiet=exit" }, sys))
    assert.are.same({ successful = true, unfinished = true, unavailable = true, detached = true },
      q.status)
    assert.are.same({}, q.signal)
    assert.are.same({ exit = true }, q.quiet)
  end)
end)

describe("-e trace= under passthru", function()
  it("logs exactly the selected calls", function()
    local r = H.run({ "-e", "trace=getppid,write", "--", outputs, "counts" })
    assert.are.equal(0, r.status)
    assert.are.equal("done\n", r.out)
    assert.are.same({ getppid = 7, write = 4 }, names(r.err))
    assert.truthy(r.err:find("%+%+%+ exited with 0 %+%+%+\n$"), r.err)
  end)

  it("and the seccomp filter stops only on those", function()
    local t, default = traced({ "-e", "trace=getppid,write" })
    assert.are.same({ "getppid", "write" }, keys(t))
    assert.are.equal("ALLOW", default)
    local none, d2 = traced({ "-e", "trace=none" })
    assert.are.same({}, none)
    assert.are.equal("ALLOW", d2)
    local file = traced({ "-e", "trace=%file" })
    assert.are.same(keys(assert(TE.syscall_set("%file", sys))), keys(file))
    -- without -e trace= every call stops (the default action traces)
    local _, d3 = traced({})
    assert.are.equal("TRACE", d3)
  end)

  it("! leaves the named calls out of the log", function()
    local r = H.run({ "-e", "trace=!write,getppid", "--", outputs, "counts" })
    assert.are.equal(0, r.status)
    local seen = names(r.err)
    assert.is_nil(seen.write)
    assert.is_nil(seen.getppid)
    assert.are.equal(8, seen.openat) -- 5 failing + /dev/null + the loader's two
    assert.truthy(seen.execve)
  end)

  it("a class and a regex select the calls strace selects", function()
    if not have_strace() then pending("strace is not installed") return end
    for _, expr in ipairs({ "%file", "%desc", "/^(get|set)", "%memory" }) do
      local r = H.run({ "-e", "trace=" .. expr, "--", outputs, "counts" })
      local s = H.sh(("strace -e trace=%s %s counts"):format(H.q(expr), H.q(outputs)))
      assert.are.equal(0, r.status)
      assert.are.equal(0, s.status)
      assert.are.same(names(s.err), names(r.err), expr)
    end
  end)

  it("bad expressions are one-line errors and nothing runs", function()
    local marker = H.tmpname(".never")
    for _, case in ipairs({
      { "trace=opnat", "ttlua: -e trace=opnat: invalid system call 'opnat' (did you mean openat?)\n" },
      { "nosuch", "ttlua: -e nosuch: invalid system call 'nosuch'" },
      { "bogus=1", "ttlua: -e bogus=1: unknown qualifier 'bogus'" },
      { "signal=SIGNOPE", "ttlua: -e signal=SIGNOPE: invalid signal 'SIGNOPE'\n" },
      { "status=maybe", "ttlua: -e status=maybe: invalid status 'maybe'\n" },
    }) do
      local r = H.run({ "-e", case[1], "--", "touch", marker })
      assert.are.equal(1, r.status)
      assert.are.equal(case[2], r.err:sub(1, #case[2]))
      assert.are.equal(1, #H.lines(r.err))
      assert.is_nil(H.readfile(marker))
    end
  end)

  it("-e trace= with a policy file is refused (a policy picks calls by its handlers)", function()
    local pol = H.policy("return {}")
    local r = H.run({ "-e", "trace=read", pol, "--", "true" })
    assert.are.equal(1, r.status)
    assert.truthy(r.err:match("^ttlua: %-e trace= selects"), r.err)
  end)
end)
