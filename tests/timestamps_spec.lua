-- Timestamps on the passthru log: -t, -tt, -ttt, -r, -T and their long
-- forms.  Formats are checked by pattern on real runs (the same patterns
-- hold for strace 6.1's output where it is installed); times only for
-- plausibility, never exactly.
local H = require "tests.helper"
local ffi = require "ffi"

pcall(ffi.cdef, "int clock_gettime(int clk, void *ts);")
local tsbuf = ffi.new("int64_t[2]")
local function monotonic()
  ffi.C.clock_gettime(1, tsbuf)
  return tonumber(tsbuf[0]) + tonumber(tsbuf[1]) * 1e-9
end

local function have_strace()
  return os.execute("strace -V >/dev/null 2>&1") == 0
end

-- Every line of a log matches pat (at its start).
local function all_match(log, pat)
  local lines = H.lines(log)
  assert.is_true(#lines > 5, log)
  for _, l in ipairs(lines) do
    assert.truthy(l:find(pat), ("%q does not match %q"):format(l, pat))
  end
  return lines
end

local HMS = "^%d%d:%d%d:%d%d "
local HMS_US = "^%d%d:%d%d:%d%d%.%d%d%d%d%d%d "
local UNIX_US = "^%d%d%d%d%d%d%d%d%d%d+%.%d%d%d%d%d%d "
local REL_US = "^ *%d+%.%d%d%d%d%d%d "

describe("-t, -tt, -ttt", function()
  it("-t starts every line with HH:MM:SS", function()
    local r = H.run({ "-t", "--", "/bin/echo", "hi" })
    assert.are.equal(0, r.status)
    assert.are.equal("hi\n", r.out)
    local lines = all_match(r.err, HMS)
    assert.truthy(lines[1]:find("^%d%d:%d%d:%d%d execve%(\"/bin/echo\""), lines[1])
    assert.truthy(lines[#lines]:find(HMS .. "%+%+%+ exited with 0 %+%+%+$"), lines[#lines])
  end)

  it("-tt adds microseconds", function()
    local r = H.run({ "-tt", "--", "/bin/echo", "hi" })
    assert.are.equal(0, r.status)
    local lines = all_match(r.err, HMS_US)
    assert.truthy(lines[#lines]:find(HMS_US .. "%+%+%+ exited with 0 %+%+%+$"), lines[#lines])
    if have_strace() then
      local s = H.sh("strace -tt /bin/echo hi")
      all_match(s.err, HMS_US)
    end
  end)

  it("-ttt prints seconds since the epoch, close to now, never decreasing", function()
    local before = os.time()
    local r = H.run({ "-ttt", "--", "/bin/echo", "hi" })
    local after = os.time()
    assert.are.equal(0, r.status)
    local lines = all_match(r.err, UNIX_US)
    local prev = 0
    for _, l in ipairs(lines) do
      local t = tonumber(l:match("^(%d+%.%d+) "))
      assert.is_true(t >= before - 1 and t <= after + 1, l)
      assert.is_true(t >= prev, l)
      prev = t
    end
    if have_strace() then all_match(H.sh("strace -ttt /bin/echo hi").err, UNIX_US) end
  end)

  it("--timestamps=FORMAT picks the clock and the precision", function()
    local r = H.run({ "--timestamps=unix,ns", "--", "/bin/true" })
    assert.are.equal(0, r.status)
    all_match(r.err, "^%d+%.%d%d%d%d%d%d%d%d%d [^%d]")
    r = H.run({ "--timestamps", "--", "/bin/true" })
    all_match(r.err, HMS)
    r = H.run({ "--timestamps=ms", "--", "/bin/true" })
    all_match(r.err, "^%d%d:%d%d:%d%d%.%d%d%d [^%d]")
    r = H.run({ "-tt", "--timestamps=none", "--", "/bin/true" })
    assert.truthy(r.err:find("^execve%("), r.err)
  end)
end)

describe("-r", function()
  it("prints the time since the previous line: non-negative, summing to the run time",
    function()
      local t0 = monotonic()
      local r = H.run({ "-r", "--", "sleep", "0.3" })
      local elapsed = monotonic() - t0
      assert.are.equal(0, r.status)
      local lines = all_match(r.err, REL_US)
      -- strace's column: the seconds right-aligned in 6 places
      assert.truthy(lines[1]:find("^     0%.%d%d%d%d%d%d execve%("), lines[1])
      local sum = 0
      for _, l in ipairs(lines) do
        local d = tonumber(l:match("^ *(%d+%.%d+) "))
        assert.is_true(d >= 0, l)
        sum = sum + d
      end
      assert.is_true(sum >= 0.29, ("sum %f"):format(sum))
      assert.is_true(sum <= elapsed + 0.001, ("sum %f, run %f"):format(sum, elapsed))
      if have_strace() then all_match(H.sh("strace -r /bin/true").err, REL_US) end
    end)

  it("with -t: HH:MM:SS (+     0.000123)", function()
    local r = H.run({ "-t", "-r", "--", "/bin/true" })
    assert.are.equal(0, r.status)
    all_match(r.err, "^%d%d:%d%d:%d%d %(%+ *%d+%.%d%d%d%d%d%d%) ")
  end)
end)

describe("-T", function()
  it("appends the time spent in the call: a 0.2 s nanosleep takes at least 0.19 s",
    function()
      local r = H.run({ "-T", "-e", "trace=clock_nanosleep,nanosleep,exit_group",
                        "--", "sleep", "0.2" })
      assert.are.equal(0, r.status)
      local l = r.err:match("[^\n]*nanosleep%([^\n]*")
      assert.truthy(l, r.err)
      local d = tonumber(l:match(" = 0 <(%d+%.%d%d%d%d%d%d)>$"))
      assert.truthy(d, l)
      assert.is_true(d >= 0.19 and d < 30, l)
      -- no time after "= ?" (the call never returned)
      assert.truthy(r.err:find("exit_group%(0%) += %?\n"), r.err)
    end)

  it("leaves column-40 alignment as it was, with and without -tt", function()
    for _, extra in ipairs({ {}, { "-tt" } }) do
      local args = { "-T" }
      for _, a in ipairs(extra) do args[#args + 1] = a end
      for _, a in ipairs({ "--", "/bin/echo", "hi" }) do args[#args + 1] = a end
      local r = H.run(args)
      assert.are.equal(0, r.status)
      local n = 0
      for _, l in ipairs(H.lines(r.err)) do
        if not l:find("+++", 1, true) then
          local head = l:match("^(.-[%)>]) +=  ?[^=]*$") or l:match("^(.-%)) += ")
          assert.truthy(head, l)
          if #head < 39 then
            assert.are.equal("= ", l:sub(41, 42), l)
            n = n + 1
          else
            assert.truthy(l:find(") = ", #head, true), l)
          end
          if not l:find("= ?", 1, true) then
            assert.truthy(l:find(" <%d+%.%d%d%d%d%d%d>$"), l)
          end
        end
      end
      assert.is_true(n > 3)
    end
  end)

  it("--syscall-times=PREC sets the precision", function()
    local r = H.run({ "--syscall-times=ns", "-e", "trace=close", "--", "/bin/true" })
    assert.are.equal(0, r.status)
    assert.truthy(r.err:find("close%(3%) += 0 <%d+%.%d%d%d%d%d%d%d%d%d>\n"), r.err)
  end)
end)

describe("several processes", function()
  it("stamps after [pid N], on unfinished, resumed, signal and exit lines", function()
    local r = H.run({ "-tt", "-T", "--", "sh", "-c", "sleep 0.2 & wait" })
    assert.are.equal(0, r.status)
    local e = r.err
    local P, TS = "%[pid +%d+%] ", "%d%d:%d%d:%d%d%.%d%d%d%d%d%d "
    assert.truthy(e:find("\n" .. P .. TS .. "[%w_]+%([^\n]* <unfinished %.%.%.>\n"), e)
    assert.truthy(e:find("\n[^\n]*" .. TS .. "<%.%.%. [%w_]+ resumed>[^\n]* <%d+%.%d+>\n"), e)
    assert.truthy(e:find("\n[^\n]*" .. TS .. "%-%-%- SIGCHLD {"), e)
    assert.truthy(e:find("\n" .. P .. TS .. "%+%+%+ exited with 0 %+%+%+\n"), e)
    for _, l in ipairs(H.lines(e)) do
      assert.truthy(l:find("^" .. TS) or l:find("^" .. P .. TS), l)
    end
  end)

  it("with -o FILE the stamp follows the pid column", function()
    local out = H.tmpname(".log")
    local r = H.run({ "-o", out, "-r", "--", "sh", "-c", "/bin/true & wait" })
    assert.are.equal(0, r.status)
    local lines = H.lines(H.readfile(out))
    assert.is_true(#lines > 10)
    for _, l in ipairs(lines) do
      assert.truthy(l:find("^%d+ +%d+%.%d%d%d%d%d%d [%w_<+-]"), l)
    end
  end)
end)

describe("refused", function()
  local pol = H.policy("return { getpid = function() end }")
  for _, opt in ipairs({ "-t", "-tt", "-ttt", "-r", "-T", "--timestamps", "--syscall-times=ms",
                         "--relative-timestamps" }) do
    it(opt .. " with a user policy", function()
      local r = H.run({ opt, pol, "--", "/bin/true" })
      assert.are.equal(1, r.status)
      local name = opt:match("^[^=]+")
      assert.are.equal(("ttlua: %s works only with the default passthru policy\n"):format(name),
        r.err)
    end)
  end

  it("a bad format or precision", function()
    local r = H.run({ "--timestamps=hours", "--", "/bin/true" })
    assert.are.equal(1, r.status)
    assert.truthy(r.err:find("^ttlua: %-%-timestamps: invalid format 'hours'"), r.err)
    r = H.run({ "--syscall-times=fs", "--", "/bin/true" })
    assert.are.equal(1, r.status)
    assert.truthy(r.err:find("^ttlua: %-%-syscall%-times: invalid precision 'fs'"), r.err)
  end)
end)
