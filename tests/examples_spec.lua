-- The example policies in lua/examples/: each one's documented behaviour,
-- by what the program printed and by what the policy saw.
local H = require "tests.helper"

local examples = H.root .. "/lua/examples/"

-- Run an example with --arg settings; `extra` is appended to the policy
-- (it may RECORD what it sees by wrapping the example's handlers).
local function run(name, args, cmd, opts, extra)
  local src = H.readfile(examples .. name .. ".lua")
  local rec
  local pol = examples .. name .. ".lua"
  if extra then
    local body = src:gsub("\nreturn P%s*$", "\n" .. extra .. "\nreturn P\n")
    pol, rec = H.policy(body)
  end
  local words = {}
  for _, a in ipairs(args) do words[#words + 1] = "--arg=" .. a end
  words[#words + 1] = pol
  words[#words + 1] = "--"
  for _, c in ipairs(cmd) do words[#words + 1] = c end
  local r = H.run(words, opts)
  return r, rec and H.records(rec) or {}
end

-- Wrap every handler in P so that each call it answers is recorded.
local record_calls = [[
for name, fn in pairs(P) do
  if not name:match("^on_") then
    P[name] = function(call, ...)
      local r = fn(call, ...)
      if r ~= nil then RECORD(name, type(r) == "number" and r or "vfd") end
      return r
    end
  end
end
]]

describe("memfs.lua", function()
  it("echo, cat and ls work on /mem and nothing touches the disk", function()
    assert.is_nil(io.open("/mem/a"))
    local r, recs = run("memfs", {}, { "sh", "-c", "echo hi > /mem/a; cat /mem/a; ls /mem" }, nil, record_calls)
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("hi\na\n", r.out)
    assert.is_nil(io.open("/mem/a"))
    local seen = {}
    for _, e in ipairs(recs) do seen[e[1]] = (seen[e[1]] or 0) + 1 end
    assert.is_true(seen.openat >= 3) -- echo's >, cat, ls
  end)

  it("mkdir, append, lseek, stat, mv, rm and rmdir at another prefix", function()
    local dir = H.tmpdir() .. "/memfs-root"
    local r = run("memfs", { "prefix=" .. dir }, { "sh", "-c", ([[
      mkdir @/d && echo x >> @/d/f && echo y >> @/d/f && cat @/d/f
      wc -c < @/d/f; stat -c '%s %F' @/d/f @/d
      mv @/d/f @/g && ls @ && rm @/g && rmdir @/d && ls -a @
      test -e @/g || echo gone
      /usr/bin/python3 -c "import os; f = os.open('@/p', os.O_RDWR | os.O_CREAT); os.write(f, b'abcdef'); \
os.lseek(f, 2, 0); print(os.read(f, 3), os.fstat(f).st_size)"
    ]]):gsub("@", dir) })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("x\ny\n4\n4 regular file\n4096 directory\nd\ng\n.\n..\ngone\nb'cde' 6\n", r.out)
    assert.is_nil(io.open(dir))
  end)

  it("answers errors like a file system: ENOENT, EEXIST, ENOTEMPTY", function()
    local r = run("memfs", {}, { "sh", "-c",
      "cat /mem/none; mkdir /mem/d; mkdir /mem/d; echo > /mem/d/f; rmdir /mem/d; echo done" })
    assert.truthy(r.err:find("No such file or directory"), r.err)
    assert.truthy(r.err:find("File exists"), r.err)
    assert.truthy(r.err:find("Directory not empty"), r.err)
    assert.truthy(r.out:find("done\n$"))
  end)
end)

describe("memfs.lua with real programs", function()
  -- a small tree to archive and copy: a file, a directory, a symbolic link
  local src = H.tmpdir() .. "/memfs-src"
  os.execute(("rm -rf %s && mkdir -p %s/d && echo hello > %s/d/f && printf x > %s/g"
    .. " && chmod 750 %s/d && chmod 640 %s/g && ln -s d/f %s/lnk && touch -h -d @1000000000 %s/g"
    .. " && tar -cf %s.tar -C %s ."):gsub("%%s", src))

  local function memfs(cmd, args)
    local a = { "stats=1" }
    for _, x in ipairs(args or {}) do a[#a + 1] = x end
    local r = run("memfs", a, { "sh", "-c", cmd })
    local answered, refused, passed = r.err:match("memfs: answered (%d+) calls, refused (%d+), passed (%d+)\n")
    r.answered, r.refused, r.passed = tonumber(answered), tonumber(refused), tonumber(passed)
    return r
  end

  it("sqlite3 creates, fills and queries a database in /mem", function()
    if os.execute("command -v sqlite3 >/dev/null 2>&1") ~= 0 then pending("no sqlite3") return end
    local r = memfs([[sqlite3 /mem/db "create table t(x); insert into t values(1),(2); select sum(x) from t;" ]]
      .. [[&& sqlite3 /mem/db "select count(*) from t" && ls /mem]])
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("3\n2\ndb\n", r.out)
    assert.are.equal(0, r.passed)
  end)

  it("tar -x into /mem keeps modes, times and links; ls -l shows them", function()
    local r = memfs("tar -xf " .. src .. ".tar -C /mem && cd / && ls -l --time-style=+%s /mem | tail -n +2"
      .. " && stat -c '%A %n' /mem/d /mem/d/f && cat /mem/lnk && readlink /mem/lnk")
    assert.are.equal(0, r.status, r.err)
    local lines = H.lines(r.out)
    assert.truthy(lines[1]:match("^drwxr%-x%-%-%- 2 .* d$"), r.out)
    assert.truthy(lines[2]:match("^%-rw%-r%-%-%-%-%- 1 .* 1 1000000000 g$"), r.out)
    assert.truthy(lines[3]:match("^lrwxrwxrwx 1 .* lnk %-> d/f$"), r.out)
    assert.are.equal("drwxr-x--- /mem/d", lines[4])
    assert.are.equal("-rw-r--r-- /mem/d/f", lines[5])
    assert.are.equal("hello", lines[6])
    assert.are.equal("d/f", lines[#lines])
    assert.are.equal(0, r.passed)
  end)

  it("cp -a, mv inside /mem, mv from the disk (EXDEV, then a copy), touch, chmod, ln", function()
    local victim = H.tmpname(".mv")
    H.writefile(victim, "moved\n")
    local cmd = ([[
      cp -a @S /mem/c && stat -c '%a %s %Y' /mem/c/g && stat -c '%a %s' /mem/c/d && readlink /mem/c/lnk
      mv /mem/c /mem/e && ls /mem && mv /mem/e/g /mem/e/d/g2 && ls /mem/e/d
      mv @V /mem/v && cat /mem/v && test ! -e @V && echo source-gone
      touch /mem/t && touch -d @2000000000 /mem/t && stat -c '%s %Y' /mem/t
      chmod 700 /mem/t && chmod g+s /mem/e/d && stat -c '%a' /mem/t /mem/e/d
      ln /mem/t /mem/t2 && ln -s /mem/t /mem/t3 && stat -c '%h %i' /mem/t /mem/t2 | uniq | wc -l
      stat -L -c %a /mem/t3
      mv /mem/t /tmp/../mem/t4 && ls /mem
    ]]):gsub("@S", src):gsub("@V", victim)
    local r = memfs(cmd)
    assert.are.equal(0, r.status, r.err)
    assert.are.equal(table.concat({
      "640 1 1000000000", "750 4096", "d/f",
      "e", "f", "g2",
      "moved", "source-gone",
      "0 2000000000",
      "700", "2750",
      "1", "700",
      "e", "t2", "t3", "t4", "v", "" }, "\n"), r.out)
    assert.are.equal(0, r.passed)
  end)

  it("answers fd calls a program makes on its files: locks, fallocate, fstatfs, xattrs, futimens, fsync", function()
    local r = memfs([[/usr/bin/python3 -c "
import os, fcntl, struct
fd = os.open('/mem/f', os.O_RDWR | os.O_CREAT, 0o600)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
lk = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0, 0, 0))
print('getlk', struct.unpack('hhqqi', lk)[0] == fcntl.F_UNLCK)
fcntl.flock(fd, fcntl.LOCK_EX)
os.posix_fallocate(fd, 0, 100)
print('size', os.fstat(fd).st_size)
print('statfs', os.statvfs('/mem').f_bsize, os.fstatvfs(fd).f_namemax)
os.setxattr(fd, 'user.k', b'v1')
os.setxattr('/mem/f', 'user.j', b'')
print('xattr', sorted(os.listxattr(fd)), os.getxattr('/mem/f', 'user.k'))
os.removexattr(fd, 'user.k')
try: os.getxattr(fd, 'user.k')
except OSError as e: print('removed', e.errno == 61)
try: os.setxattr(fd, 'system.posix_acl_access', b'x')
except OSError as e: print('acl', e.errno == 95)
os.utime(fd, ns=(5 * 10**9, 7 * 10**9 + 3))
st = os.stat('/mem/f')
print('times', st.st_atime_ns, st.st_mtime_ns)
os.fchmod(fd, 0o604); os.fchown(fd, -1, -1)
print('mode', oct(os.stat('/mem/f').st_mode))
os.fsync(fd); os.fdatasync(fd); os.ftruncate(fd, 3)
print('trunc', os.path.getsize('/mem/f'))
os.rename('/mem/f', '/mem/g', src_dir_fd=None)
try: os.rename('/mem/g', '/tmp/memfs-never-here')
except OSError as e: print('exdev', e.errno == 18)
"]])
    assert.are.equal(0, r.status, r.err)
    assert.are.equal(table.concat({ "getlk True", "size 100", "statfs 4096 255",
      "xattr ['user.j', 'user.k'] b'v1'", "removed True", "acl True",
      "times 5000000000 7000000003", "mode 0o100604", "trunc 3", "exdev True", "" }, "\n"), r.out)
    assert.is_nil(io.open("/tmp/memfs-never-here"))
  end)

  it("nothing reaches the disk: no file in the working directory, the prefix or /tmp, /dev/null untouched", function()
    local marker = "memfs" .. H.unique()
    local cwd = H.tmpname(".cwd")
    os.execute("mkdir " .. H.q(cwd))
    local prefix = H.tmpdir() .. "/" .. marker .. "-root"
    local devnull = H.sh("stat -c %a /dev/null").out
    local sqlite = os.execute("command -v sqlite3 >/dev/null 2>&1") == 0
    local cmd = ([[
      cd @C && P=@P && mkdir $P/d && echo hi > $P/d/@M.txt && cp -a $P/d $P/e && mv $P/e/@M.txt $P/e/@M2
      tar -xf @T -C $P/d && touch $P/d/g && chmod 600 $P/d/g && chmod 644 /proc/self/fd/3 3<$P/d/g
      chown -h 0:0 $P/d/lnk; ln -s @M.txt $P/d/sym; ln $P/d/g $P/d/hard
      (cd $P 2>/dev/null || echo no-chdir)
      @SQL && ls -R $P | wc -l && tar -cf $P/@M.tar -C $P/d . && tar -tf $P/@M.tar | sort | tr '\n' ' '
    ]]):gsub("@SQL", sqlite and "sqlite3 $P/@M.db 'create table t(x); insert into t values(1);'" or "true")
    cmd = cmd:gsub("@C", cwd):gsub("@P", prefix):gsub("@M", marker):gsub("@T", src .. ".tar")
    local r = memfs(cmd, { "prefix=" .. prefix })
    assert.are.equal(0, r.status, r.err)
    assert.truthy(r.out:find("no%-chdir\n%d+\n"), r.out)
    assert.truthy(r.out:find("./ ./d/ ./d/f ./g ./hard ./lnk ./" .. marker .. ".txt ./sym", 1, true), r.out)
    assert.are.equal("", H.sh("ls -A " .. H.q(cwd)).out)
    assert.is_nil(io.open(prefix))
    assert.are.equal("", H.sh("find /tmp -name " .. H.q("*" .. marker .. "*") .. " 2>/dev/null").out)
    assert.are.equal(devnull, H.sh("stat -c %a /dev/null").out)
    -- the policy's own account: everything naming the tree was answered
    -- (chdir refused), nothing was given to the kernel
    assert.is_true(r.answered > 30, r.err)
    assert.are.equal(1, r.refused, r.err)
    assert.are.equal(0, r.passed, r.err)
  end)

  it("refuses unknown and bad settings with one line and status 1", function()
    for _, a in ipairs({ "prefx=/x", "prefix=rel", "dump=yes", "prefix=/" }) do
      local r = run("memfs", { a }, { "true" })
      assert.are.equal(1, r.status, a)
      assert.truthy(r.err:match("^ttlua: memfs: [^\n]+\n$"), r.err)
    end
  end)
end)

describe("faketime.lua", function()
  it("date prints the fixed time", function()
    local r, recs = run("faketime", { "at=2001-02-03T04:05:06" }, { "date", "-u", "+%F %T" }, nil, record_calls)
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("2001-02-03 04:05:06\n", r.out)
    assert.are.same({ "clock_gettime", 0 }, recs[1])
  end)

  it("a frozen clock reads the same every time; time() and gettimeofday agree", function()
    local r = run("faketime", { "at=@1000000000", "frozen=1" }, { "/usr/bin/python3", "-c", [[
import time, ctypes
libc = ctypes.CDLL(None)
print(time.time(), time.time(), libc.time(None))
]] })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("1000000000.0 1000000000.0 1000000000\n", r.out)
  end)

  it("an offset moves the wall clock", function()
    local r = run("faketime", { "offset=-86400" }, { "date", "-u", "+%s" })
    local now = os.time()
    local fake = tonumber(r.out)
    assert.is_true(math.abs(fake - (now - 86400)) < 60, r.out)
  end)

  it("sleep 10 returns at once when time runs 1000 times faster, and the clock moved 10 s", function()
    local r, recs = run("faketime", { "speed=1000" }, { "/usr/bin/python3", "-c", [[
import time, subprocess
a = time.time()
subprocess.run(["sleep", "10"])
print(round(time.time() - a) >= 10)
]] }, { timeout = 8 }, record_calls)
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("True\n", r.out)
    local slept = false
    for _, e in ipairs(recs) do slept = slept or e[1] == "clock_nanosleep" end
    assert.is_false(slept) -- sleeping is not answered: it runs, shortened
  end)
end)

describe("fakeid.lua", function()
  it("uname, hostname, the id family and /etc/hostname answer from Lua", function()
    local r, recs = run("fakeid", { "hostname=box", "uid=1234", "gid=99", "release=9.9-fake" }, { "sh", "-c", [[
id -u; id -g; id -G; uname -n; uname -r; hostname; cat /etc/hostname
/usr/bin/python3 -c "import os; print(os.getresuid(), os.getresgid())"
hostname other; hostname
]] }, nil, record_calls)
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("1234\n99\n99\nbox\n9.9-fake\nbox\nbox\n(1234, 1234, 1234) (99, 99, 99)\nother\n", r.out)
    local seen = {}
    for _, e in ipairs(recs) do seen[e[1]] = true end
    assert.is_true(seen.uname and seen.geteuid and seen.getegid and seen.openat and seen.sethostname)
  end)
end)

describe("deterministic.lua", function()
  local py = { "/usr/bin/python3", "-c", "import os; print(os.urandom(8).hex())" }

  it("two runs of python3 os.urandom print the same value; another seed another", function()
    local a, recs = run("deterministic", {}, py, nil, record_calls)
    local b = run("deterministic", {}, py)
    local c = run("deterministic", { "seed=7" }, py)
    assert.are.equal(0, a.status, a.err)
    assert.truthy(a.out:match("^%x+\n$"))
    assert.are.equal(a.out, b.out)
    assert.are_not.equal(a.out, c.out)
    local sizes = {}
    for _, e in ipairs(recs) do
      if e[1] == "getrandom" then sizes[#sizes + 1] = e[2] end
    end
    assert.are.equal(8, sizes[#sizes]) -- os.urandom(8) came from the policy
  end)

  it("reads of /dev/urandom are the same in two runs, also from child processes", function()
    local cmd = { "sh", "-c", "head -c 16 /dev/urandom | od -An -tx1; (head -c 4 /dev/random | od -An -tx1)" }
    local a = run("deterministic", { "seed=42" }, cmd)
    local b = run("deterministic", { "seed=42" }, cmd)
    assert.are.equal(0, a.status, a.err)
    assert.are.equal(2, #H.lines(a.out))
    assert.are.equal(a.out, b.out)
  end)
end)

describe("redirect.lua", function()
  local dir = H.tmpdir() .. "/redirect"
  os.execute(("mkdir -p %s/tree && printf '127.0.0.1 redirected\\n' > %s/hosts"
    .. " && echo tgt > %s/tree/target && ln -sf %s/tree/target %s/tree/link"
    .. " && printf '#!/bin/sh\\necho hello\\n' > %s/tree/hello && chmod +x %s/tree/hello"):gsub("%%s", dir))

  it("cat /etc/hosts reads ./hosts (the default bind), also through a relative path", function()
    local r = H.sh("cd " .. dir .. " && " .. H.q(H.ttlua) .. " " .. examples .. "redirect.lua -- sh -c "
      .. H.q("cat /etc/hosts; cd /etc && cat hosts; stat -c %s hosts"))
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("127.0.0.1 redirected\n127.0.0.1 redirected\n21\n", r.out)
  end)

  it("a bound directory: at-family, execve, readlink and getcwd show FROM", function()
    local r, recs = run("redirect", { "bind=/opt/rd=" .. dir .. "/tree" }, { "sh", "-c", [[
ls /opt/rd; readlink /opt/rd/link; cat /opt/rd/link; /opt/rd/hello
cd /opt/rd && /bin/pwd && cat ./target
/usr/bin/python3 -c "import os; fd = os.open('/opt/rd', os.O_RDONLY); print(os.stat('target', dir_fd=fd).st_size)"
]] }, nil, [[
local readlink = P.readlink
P.readlink = function(call) local r = readlink(call); RECORD("readlink", call.pathname, r); return r end
]])
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("hello\nlink\ntarget\n/opt/rd/target\ntgt\nhello\n/opt/rd\ntgt\n4\n", r.out)
    assert.are.same({ "readlink", dir .. "/tree/link", 14 }, recs[1])
  end)
end)

describe("the --arg examples' settings", function()
  -- one bad value and one unknown key per example: one line, status 1,
  -- and the command never ran
  local cases = {
    { "deterministic", "seed=x" }, { "deterministic", "sed=1" },
    { "fakeid", "uid=-1" }, { "fakeid", "user=1" },
    { "faketime", "offset=x" }, { "faketime", "at=2001" }, { "faketime", "speed=0" },
    { "faketime", "frozen=yes" }, { "faketime", "sped=2" },
    { "redirect", "bind=rel=x" }, { "redirect", "bnd=/a=/b" },
    { "memfs", "stats=2" }, { "memfs", "prefx=/x" },
  }
  for _, c in ipairs(cases) do
    it(c[1] .. " refuses " .. c[2], function()
      local r = run(c[1], { c[2] }, { "echo", "RAN" })
      assert.are.equal(1, r.status, r.err)
      assert.are.equal("", r.out)
      assert.truthy(r.err:match("^ttlua: " .. c[1]:gsub("%-", "%%-") .. ": [^\n]+\n$"), r.err)
    end)
  end
end)
