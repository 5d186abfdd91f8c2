-- Output modes (issue 3): -y/-yy, --json, -c/-C, -e status=/signal=/quiet=.
-- Each scenario runs a real program and checks what ttlua printed against
-- what the program did (tests/progs/outputs.c says exactly which calls it
-- makes) and, where strace prints the same thing, against strace 6.1.
local H = require "tests.helper"
local SJ = require "tests.strict_json"

local outputs = H.progs .. "/outputs"

local function have_strace()
  return os.execute("strace -V >/dev/null 2>&1") == 0
end

-- Lines of a log from the first one matching pat on (the dynamic loader's
-- calls before it are left out).
local function from(log, pat)
  local out, on = {}, false
  for _, l in ipairs(H.lines(log)) do
    if l:find(pat, 1, true) then on = true end
    if on then out[#out + 1] = l end
  end
  return out
end

-- The fd annotations of a line ("3</tmp/x>", "AT_FDCWD</home>"), with
-- pipe/socket inode numbers replaced by N.
local function fd_marks(line)
  local marks = {}
  for m in line:gmatch("[%w_]+<[^>]*>") do
    marks[#marks + 1] = (m:gsub("([a-z]+):%[%d+%]", "%1:[N]"))
  end
  return table.concat(marks, " ")
end

describe("-y", function()
  local dir = H.tmpdir()
  local file = H.writefile(dir .. "/data.txt", "some data\n")
  local sel = "trace=openat,read,dup2,close,socket"

  it("prints the path behind fd arguments, dirfds, AT_FDCWD and returned fds", function()
    local r = H.run({ "-y", "-e", sel, "--", outputs, "fds", file })
    assert.are.equal(0, r.status)
    assert.are.equal("done\n", r.out)
    local e = r.err
    local cwd = H.root
    local function has(pat) assert.truthy(e:find(pat, 1, true), pat .. "\n" .. e) end
    has(('openat(AT_FDCWD<%s>, "%s", '):format(cwd, file))
    has((") = 3<%s>\n"):format(file))
    has(("read(3<%s>, \"some data\\n\", 64)"):format(file))
    has(("dup2(3<%s>, 10"):format(file))
    has((") = 10<%s>\n"):format(file))
    has(("read(10<%s>, \"\", 64)"):format(file))
    has(("close(10<%s>)"):format(file))
    has(("openat(3<%s>, \"data.txt\", "):format(dir))
    has((") = 4<%s>\n"):format(file))
    assert.truthy(e:find("socket%([^\n]*%) += 3<socket:%[%d+%]>\n"), e)
    assert.truthy(e:find("close%(3<socket:%[%d+%]>%)"), e)
  end)

  it("marks exactly the fds strace -y marks, with the same text", function()
    if not have_strace() then pending("strace is not installed") return end
    local r = H.run({ "-y", "-e", sel, "--", outputs, "fds", file })
    local s = H.sh(("strace -y -e %s -- %s fds %s"):format(sel, H.q(outputs), H.q(file)))
    assert.are.equal(0, s.status)
    local mine, theirs = from(r.err, file), from(s.err, file)
    assert.is_true(#theirs > 10)
    assert.are.equal(#theirs, #mine)
    for i = 1, #theirs do
      local name = theirs[i]:match("^[%w_]+")
      assert.are.equal(name, mine[i]:match("^[%w_]+"))
      assert.are.equal(fd_marks(theirs[i]), fd_marks(mine[i]), theirs[i] .. "\n" .. mine[i])
    end
  end)

  it("escapes a path the way strace does (< > as octal, newline as \\n)", function()
    local odd = dir .. "/we<ird>\nname"
    H.writefile(odd, "x")
    local r = H.run({ "-y", "-e", "trace=close", "--", "cat", odd })
    assert.are.equal(0, r.status)
    local want = ("close(3<%s/we\\74ird\\76\\nname>)"):format(dir)
    assert.truthy(r.err:find(want, 1, true), r.err)
  end)

  it("strace escapes that path the same way (checks the expected text)", function()
    if not have_strace() then pending("strace is not installed") return end
    local odd = dir .. "/we<ird>\nname"
    H.writefile(odd, "x")
    local want = ("close(3<%s/we\\74ird\\76\\nname>)"):format(dir)
    local s = H.sh(("strace -y -e trace=close cat %s"):format(H.q(odd)))
    assert.truthy(s.err:find(want, 1, true), s.err)
  end)

  it("-yy adds device numbers and TCP endpoints", function()
    local r = H.run({ "-yy", "-e", "trace=read,close", "--", "cat", "/dev/null" })
    assert.are.equal(0, r.status)
    assert.truthy(r.err:find("read(3</dev/null<char 1:3>>, ", 1, true), r.err)
    assert.truthy(r.err:find("close(3</dev/null<char 1:3>>)", 1, true), r.err)
    local n = H.run({ "-yy", "-e", "trace=accept,accept4,connect,sendto,close", "--",
                      H.progs .. "/net", "fork" })
    assert.are.equal(0, n.status)
    assert.truthy(n.err:find("<TCP:%[127%.0%.0%.1:%d+%->127%.0%.0%.1:%d+%]>"), n.err)
    assert.truthy(n.err:find("<TCP:%[127%.0%.0%.1:%d+%]>"), n.err) -- the listener
  end)

  it("-yy names UNIX socket peers and paths and UDP addresses as strace does", function()
    local sock = H.tmpname(".sock")
    local socksel = "trace=write,read,listen,bind"
    local r = H.run({ "-yy", "-e", socksel, "--", outputs, "sockets", sock })
    assert.are.equal(0, r.status, r.err)
    local a, b = r.err:match('write%(3<UNIX%-STREAM:%[(%d+)%->(%d+)%]>, "a", 1%)')
    assert.truthy(a, r.err)
    assert.truthy(r.err:find(('read(4<UNIX-STREAM:[%s->%s]>, "a", 1)'):format(b, a), 1, true), r.err)
    local listen = r.err:match("\n(listen%(5<[^\n]*)")
    assert.truthy(listen, r.err)
    assert.are.equal(('listen(5<UNIX-STREAM:[N,"%s"]>, 1) = 0'):format(sock),
      listen:gsub("%[%d+,", "[N,", 1):gsub("%s+=", " ="))
  end)

  it("-yy marks UNIX and UDP sockets exactly as strace -yy does", function()
    if not have_strace() then pending("strace is not installed") return end
    local sock = H.tmpname(".sock")
    local socksel = "trace=write,read,listen,bind"
    local r = H.run({ "-yy", "-e", socksel, "--", outputs, "sockets", sock })
    assert.are.equal(0, r.status, r.err)
    local s = H.sh(("strace -yy -e %s -- %s sockets %s"):format(socksel, H.q(outputs), H.q(sock)))
    local function marks(log)
      local out = {}
      for _, l in ipairs(H.lines(log)) do
        if l:find("UNIX") or l:find("UDP") then out[#out + 1] = (fd_marks(l):gsub("%d%d%d+", "N")) end
      end
      return out
    end
    assert.are.same(marks(s.err), marks(r.err))
  end)

  it("without -y fds are plain numbers", function()
    local r = H.run({ "-e", "trace=openat,close", "--", outputs, "fds", file })
    assert.are.equal(0, r.status)
    assert.is_nil(r.err:find("%d<"))
    assert.truthy(r.err:find(("openat(AT_FDCWD, %q"):format(file), 1, true), r.err)
  end)
end)

describe("--json", function()
  local function parse_all(text)
    local objs = {}
    for i, line in ipairs(H.lines(text)) do
      local v, err = SJ.decode(line)
      assert(v, ("line %d is not valid JSON (%s): %s"):format(i, tostring(err), line))
      assert.are.equal("table", type(v))
      objs[#objs + 1] = v
    end
    return objs
  end

  it("writes one valid JSON object per line whatever bytes the buffers hold", function()
    local r = H.run({ "--json", "-s", "300", "--", outputs, "binary" })
    assert.are.equal(0, r.status)
    assert.are.equal("done\n", r.out)
    local objs = parse_all(r.err)
    assert.is_true(#objs > 20)
    local writes, calls = {}, 0
    for _, o in ipairs(objs) do
      assert.truthy(o.type, "every object has a type")
      if o.type == "syscall" then
        calls = calls + 1
        assert.are.equal("number", type(o.pid))
        assert.are.equal("number", type(o.tid))
        assert.are.equal("string", type(o.name))
        assert.are.equal("table", type(o.args))
        assert.are.equal("number", type(o.time))
        if o.name == "write" then writes[#writes + 1] = o end
      end
    end
    assert.is_true(calls > 20)
    -- the program's writes, in order, with the exact bytes
    local all = {}
    for i = 0, 255 do all[#all + 1] = string.char(i) end
    local want = {
      table.concat(all), "\255\254\253", "\192\128", "\237\160\128", "abc\226\130",
      "caf\195\169 \226\130\172 \240\159\152\128", "quote\" backslash\\ tab\t nl\n del\127",
    }
    assert.is_true(#writes >= #want + 2)
    for i, w in ipairs(want) do
      local o = writes[i]
      assert.are.equal(#w, o.result)
      assert.are.equal(w, SJ.bytes(o.args.buf), "write " .. i)
      assert.are.equal(#w, o.args.count)
      assert.are.equal(SJ.null, o.errno)
    end
    -- valid UTF-8 stays a plain string; other bytes are base64
    assert.are.equal("string", type(writes[6].args.buf))
    assert.are.equal("string", type(writes[7].args.buf))
    assert.truthy(writes[1].args.buf.b64)
    -- the 5000-byte buffer is cut at -s and says so
    local big = writes[#want + 1]
    assert.are.equal(5000, big.result)
    assert.are.same({ str = ("a"):rep(300), truncated = true, len = 5000 }, big.args.buf)
    -- a failing open of a path that is not UTF-8
    local failed
    for _, o in ipairs(objs) do
      if o.type == "syscall" and o.name == "openat" and o.result == -2 then failed = o end
    end
    assert.truthy(failed)
    assert.are.equal("ENOENT", failed.errno)
    assert.are.equal("/nonexistent-ttlua/\255\254-not-utf8", SJ.bytes(failed.args.pathname))
    -- and the read back through the pipe
    local reads = {}
    for _, o in ipairs(objs) do
      if o.type == "syscall" and o.name == "read" and o.result == 40 then reads[#reads + 1] = o end
    end
    local back = {}
    for i = 120, 159 do back[#back + 1] = string.char(i) end
    assert.are.equal(table.concat(back), SJ.bytes(reads[#reads].args.buf))
    -- the end of the process
    local last = objs[#objs]
    assert.are.same("exit", last.type)
    assert.are.equal(0, last.status)
  end)

  it("reports signals and deaths by signal as objects", function()
    local r = H.run({ "--json", "--", "sh", "-c", "trap 'echo got' USR1; kill -USR1 $$; kill -9 $$" })
    assert.are.equal(137, r.status)
    local objs = parse_all(r.err)
    local sig, killed
    for _, o in ipairs(objs) do
      if o.type == "signal" and o.signo == 10 then sig = o end
      if o.type == "killed" then killed = o end
    end
    assert.truthy(sig, r.err)
    assert.are.equal("number", type(sig.pid))
    assert.truthy(killed, r.err)
    assert.are.equal("boolean", type(killed.core))
  end)

  it("with -y adds the paths behind fds; with -Z only failed calls", function()
    local file = H.writefile(H.tmpname(".txt"), "abc")
    local r = H.run({ "--json", "-y", "-e", "trace=openat,read,close", "--", outputs, "fds", file })
    assert.are.equal(0, r.status)
    local objs = parse_all(r.err)
    local seen = 0
    for _, o in ipairs(objs) do
      if o.type == "syscall" and o.name == "read" and o.args.fd == 3 and o.fds
        and o.fds.fd == file then
        seen = seen + 1
        assert.are.equal("abc", o.args.buf)
      end
      if o.type == "syscall" and o.name == "openat" and o.fds and o.fds.result == file then
        seen = seen + 1
      end
    end
    assert.is_true(seen >= 2, r.err)
    local z = H.run({ "--json", "-Z", "--", outputs, "counts" })
    assert.are.equal(0, z.status)
    local n = 0
    for _, o in ipairs(parse_all(z.err)) do
      if o.type == "syscall" then
        n = n + 1
        assert.is_true(o.result < 0)
        assert.are.equal("string", type(o.errno))
      end
    end
    assert.is_true(n >= 5)
  end)

  it("--json -c prints the summary as one JSON object", function()
    local r = H.run({ "--json", "-c", "--", outputs, "counts" })
    assert.are.equal(0, r.status)
    local objs = parse_all(r.err)
    assert.are.equal(1, #objs)
    local s = objs[1]
    assert.are.equal("summary", s.type)
    local by = {}
    for _, c in ipairs(s.calls) do by[c.name] = c end
    assert.are.equal(7, by.getppid.calls)
    assert.are.equal(4, by.write.calls) -- 3 to /dev/null, then "done\n"
    assert.is_true(by.openat.errors >= 5)
  end)
end)

-- The rows of a summary table: name -> { calls, errors, seconds, usecs, pct }.
local function table_rows(text)
  local rows, order, total = {}, {}, nil
  for line in text:gmatch("[^\n]+") do
    local pct, secs, usecs, calls, errs, name =
      line:match("^ *([%d.]+) +([%d.]+) +(%d+) +(%d+) +(%d*) +([%w_]+)$")
    if pct then
      local row = { pct = tonumber(pct), seconds = tonumber(secs), usecs = tonumber(usecs),
                    calls = tonumber(calls), errors = tonumber(errs) or 0, name = name }
      if name == "total" then total = row else
        rows[name] = row
        order[#order + 1] = row
      end
    end
  end
  return rows, order, total
end

describe("-c", function()
  it("prints strace's table with the program's call counts and nothing else", function()
    local r = H.run({ "-c", "--", outputs, "counts" })
    assert.are.equal(0, r.status)
    assert.are.equal("done\n", r.out)
    local lines = H.lines(r.err)
    assert.are.equal("% time     seconds  usecs/call     calls    errors syscall", lines[1])
    assert.are.equal("------ ----------- ----------- --------- --------- ----------------", lines[2])
    assert.are.equal(lines[2], lines[#lines - 1])
    assert.truthy(lines[#lines]:match("^100%.00 +[%d.]+ +%d+ +%d+ +%d+ total$"), lines[#lines])
    local rows, order, total = table_rows(r.err)
    assert.are.equal(#lines - 4, #order) -- no other lines: no log, no +++ line
    assert.are.equal(7, rows.getppid.calls)
    assert.are.equal(0, rows.getppid.errors)
    assert.are.equal(4, rows.write.calls) -- 3 to /dev/null, then "done\n"
    assert.is_true(rows.openat.errors >= 5)
    assert.is_nil(rows.exit_group) -- no exit stop, not counted (as strace)
    local calls, errors, secs = 0, 0, 0
    for _, row in ipairs(order) do
      calls = calls + row.calls
      errors = errors + row.errors
      secs = secs + row.seconds
    end
    assert.are.equal(total.calls, calls)
    assert.are.equal(total.errors, errors)
    assert.is_true(math.abs(total.seconds - secs) < 1e-5 * (#order + 1))
    -- sorted by time, descending
    for i = 2, #order do assert.is_true(order[i - 1].seconds >= order[i].seconds) end
  end)

  it("counts every call and error exactly as strace -c (-f) does", function()
    if not have_strace() then pending("strace is not installed") return end
    local script = "ls / >/dev/null; echo x >/dev/null"
    for _, cmd in ipairs({ { outputs, "counts" }, { "sh", "-c", script } }) do
      local words = { "-c", "--" }
      for _, w in ipairs(cmd) do words[#words + 1] = w end
      local r = H.run(words)
      local quoted = {}
      for i, w in ipairs(cmd) do quoted[i] = H.q(w) end
      local s = H.sh("strace -f -c " .. table.concat(quoted, " "))
      assert.are.equal(0, r.status)
      assert.are.equal(0, s.status)
      local mine, _, mt = table_rows(r.err)
      local theirs, _, tt = table_rows(s.err)
      for name, row in pairs(theirs) do
        assert.truthy(mine[name], name .. " missing")
        assert.are.equal(row.calls, mine[name].calls, name)
        assert.are.equal(row.errors, mine[name].errors, name)
      end
      for name in pairs(mine) do assert.truthy(theirs[name], name .. " not in strace's table") end
      assert.are.equal(tt.calls, mt.calls)
      assert.are.equal(tt.errors, mt.errors)
    end
  end)

  it("-C prints the log and the table; -S sorts; -w uses wall-clock time", function()
    local r = H.run({ "-C", "-S", "calls", "--", outputs, "counts" })
    assert.are.equal(0, r.status)
    assert.truthy(r.err:find("\ngetppid%(%)%s+= %d+\n"), r.err)
    assert.truthy(r.err:find("%+%+%+ exited with 0 %+%+%+\n%% time"), r.err)
    local _, order = table_rows(r.err)
    for i = 2, #order do assert.is_true(order[i - 1].calls >= order[i].calls) end
    local n = H.run({ "-c", "-S", "name", "-w", "--", outputs, "counts" })
    local _, byname = table_rows(n.err)
    for i = 2, #byname do assert.is_true(byname[i - 1].name < byname[i].name) end
    local total = select(3, table_rows(n.err))
    assert.is_true(total.seconds > 0)
    local bad = H.run({ "-c", "-S", "bogus", "--", outputs, "counts" })
    assert.are.equal(1, bad.status)
    assert.truthy(bad.err:match("^ttlua: %-S: invalid sortby 'bogus'[^\n]*\n$"), bad.err)
  end)

  it("with -e trace= counts only the selected calls", function()
    local r = H.run({ "-c", "-e", "trace=getppid,write", "--", outputs, "counts" })
    assert.are.equal(0, r.status)
    local rows, order = table_rows(r.err)
    assert.are.equal(2, #order)
    assert.are.equal(7, rows.getppid.calls)
    assert.are.equal(4, rows.write.calls)
  end)
end)

describe("status, signal and quiet selection", function()
  it("-Z prints only failed calls, -z only successful ones", function()
    local r = H.run({ "-Z", "--", outputs, "counts" })
    assert.are.equal(0, r.status)
    local n = 0
    for _, l in ipairs(H.lines(r.err)) do
      if not l:find("^%+%+%+") then
        n = n + 1
        assert.truthy(l:find("= %-1 E%u+"), l)
      end
    end
    assert.are.equal(5, H.count(r.err, '^openat%(AT_FDCWD, "/nonexistent%-ttlua/x"'))
    assert.is_true(n >= 5)
    local z = H.run({ "-e", "status=successful", "--", outputs, "counts" })
    assert.are.equal(0, z.status)
    assert.is_nil(z.err:find("= %-1 E"))
    assert.are.equal(7, H.count(z.err, "^getppid%(%)"))
  end)

  it("-e signal= chooses signal lines; -qq and -e quiet=exit drop +++ lines", function()
    local cmd = { "--", "sh", "-c", "trap 'echo got' USR1; kill -USR1 $$" }
    local all = H.run({ "-e", "trace=none", unpack(cmd) })
    assert.are.equal(0, all.status)
    assert.are.equal("got\n", all.out)
    assert.are.equal(1, H.count(all.err, "^%-%-%- "))
    assert.are.equal(1, H.count(all.err, "^%+%+%+ exited with 0"))
    local none = H.run({ "-e", "trace=none", "-e", "signal=none", "-qq", unpack(cmd) })
    assert.are.equal("got\n", none.out)
    assert.are.equal("", none.err)
    local q = H.run({ "-e", "trace=none", "-e", "quiet=exit", "-e", "signal=10", unpack(cmd) })
    assert.are.equal(1, H.count(q.err, "^%-%-%- "))
    assert.are.equal(0, H.count(q.err, "^%+%+%+"))
    -- names with or without SIG, in any case, and ! as strace takes them
    local named = H.run({ "-e", "trace=none", "-e", "signal=usr1,SIGCHLD", unpack(cmd) })
    assert.are.equal(1, H.count(named.err, "^%-%-%- SIGUSR1 {si_signo=SIGUSR1, "), named.err)
    local inverted = H.run({ "-e", "trace=none", "-e", "signal=!SIGUSR1", unpack(cmd) })
    assert.are.equal(0, H.count(inverted.err, "^%-%-%- "), inverted.err)
  end)
end)
