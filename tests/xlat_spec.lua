-- luacheck: max line length 160
-- ttlua.xlat and ttlua.errno: the data agrees with the C headers
-- (scripts/check-xlat), and format() prints what strace 6.1 prints.
--
-- The golden lines below are lines strace 6.1 printed on the build machine
-- (Debian 12, x86_64); each test takes the argument out of the line and
-- asks format() for the same value.
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path

local xlat = require "ttlua.xlat"
local errno = require "ttlua.errno"

-- the top-level arguments of a strace line: "name(a, b, c) = r" -> { "a", "b", "c" }
local function args_of(line)
  local inner = line:match("^[%w_]+%((.*)%)%s+= ")
  assert(inner, "not a strace line: " .. line)
  local out, cur, depth, instr = {}, {}, 0, false
  local i = 1
  while i <= #inner do
    local ch = inner:sub(i, i)
    if instr then
      cur[#cur + 1] = ch
      if ch == "\\" then
        cur[#cur + 1] = inner:sub(i + 1, i + 1); i = i + 1
      elseif ch == '"' then
        instr = false
      end
    elseif ch == '"' then
      instr = true; cur[#cur + 1] = ch
    elseif ch:match("[%(%[{]") then
      depth = depth + 1; cur[#cur + 1] = ch
    elseif ch:match("[%)%]}]") then
      depth = depth - 1; cur[#cur + 1] = ch
    elseif ch == "," and depth == 0 and inner:sub(i + 1, i + 1) == " " then
      out[#out + 1] = table.concat(cur); cur = {}; i = i + 1
    else
      cur[#cur + 1] = ch
    end
    i = i + 1
  end
  out[#out + 1] = table.concat(cur)
  return out
end

-- { strace line, argument number, set, value }
local GOLDEN = {
  { 'openat(AT_FDCWD, "/tmp/xw_x", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3', 3, "open_flags", 0x241 },
  { 'openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3', 3, "open_flags", 0x80000 },
  { 'openat(-1, "", O_RDONLY|0x800000)       = -1 ENOENT (No such file or directory)', 3, "open_flags", 0x800000 },
  { 'openat(-1, "", O_RDONLY|O_CLOEXEC|0x800000) = -1 ENOENT (No such file or directory)', 3, "open_flags", 0x880000 },
  { 'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7fb853a93000', 3, "mmap_prot", 3 },
  { 'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7fb853a93000', 4, "mmap_flags", 0x22 },
  { 'mmap(0x7fb8538cc000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7fb8538cc000',
    4, "mmap_flags", 0x812 },
  { 'mmap(NULL, 27028, PROT_READ, MAP_SHARED, 3, 0) = 0x7fc9bdd50000', 4, "mmap_flags", 0x1 },
  { 'mmap(NULL, 0, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 EINVAL (Invalid argument)',
    4, "mmap_flags", 0x40022 + 21 * 2^26 },
  { 'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7fb8538a3a10) = 9849',
    2, "clone_flags", 0x1200011, "flags=" },
  { 'clone(child_stack=NULL, flags=CLONE_SIGHAND|SIGCHLD) = -1 EINVAL (Invalid argument)', 2, "clone_flags", 0x811, "flags=" },
  { 'futex(0x7fc9bdd3fa4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0', 2, "futex_op", 129 },
  { 'futex(NULL, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, 0) = -1 EINVAL (Invalid argument)', 2, "futex_op", 393 },
  { 'futex(NULL, 0xe /* FUTEX_??? */, 0, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)', 2, "futex_op", 14 },
  { 'socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 9', 2, "socket_type", 0x80001 },
  { 'socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 11', 2, "socket_type", 0x80801 },
  { 'socket(AF_UNIX, 0xf /* SOCK_??? */, 0)  = -1 EINVAL (Invalid argument)', 2, "socket_type", 0xf },
  { 'socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 9', 1, "address_family", 1 },
  { 'wait4(-1, 0x7ffe59e8d6ac, WNOHANG, NULL) = -1 ECHILD (No child processes)', 3, "wait_options", 1 },
  { 'lseek(-1, 0, 0x7 /* SEEK_??? */)        = -1 EBADF (Bad file descriptor)', 3, "lseek_whence", 7 },
  { 'fchmodat(AT_FDCWD, "/tmp/xx", 04755) = 0', 3, "mode_bits", 2541 },
  { 'mknodat(AT_FDCWD, "/tmp/ff", S_IFIFO|0644) = 0', 3, "stat_mode_type", 4516 },
  { 'semctl(-1, 0, IPC_64|IPC_RMID, NULL)    = -1 EINVAL (Invalid argument)', 3, "sem_cmd", 0x100 },
  { 'kill(2147483632, SIGRTMIN)              = -1 ESRCH (No such process)', 2, "signals", 32 },
  { 'kill(2147483632, SIGRT_2)               = -1 ESRCH (No such process)', 2, "signals", 34 },
  { 'kill(2147483632, 65)                    = -1 ESRCH (No such process)', 2, "signals", 65 },
  { 'fcntl(-1, F_GETLK64, 0)                 = -1 EBADF (Bad file descriptor)', 2, "fcntl_cmd", 12 },
  { 'statx(-1, "", AT_STATX_FORCE_SYNC, 0, NULL) = -1 ENOENT (No such file or directory)', 3, "statx_flags", 0x2000 },
  { 'swapon("", SWAP_FLAG_PREFER|10)         = -1 ENOENT (No such file or directory)', 2, "swap_flags", 0x8000 + 10 },
  { 'mbind(NULL, 0, MPOL_BIND|MPOL_F_STATIC_NODES, NULL, 0, 0) = 0', 3, "mempolicy_mode", 0x8002 },
  { 'memfd_create("", MFD_HUGETLB|21<<MFD_HUGE_SHIFT) = 41', 2, "memfd_flags", 4 + 21 * 2^26 },
  { 'ioctl(-1, SNDCTL_TMR_START or TCSETS, NULL) = -1 EBADF (Bad file descriptor)', 2, "ioctl_cmds", 0x5402 },
  { 'ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0x12, 0x34, 0xfe), 0) = -1 EBADF (Bad file descriptor)', 2, "ioctl_cmds", 0xc0fe1234 },
  { 'ioctl(-1, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0) = -1 EBADF (Bad file descriptor)', 2, "ioctl_cmds", 0x1234 },
  { 'sendto(-1, NULL, 0, MSG_OOB, NULL, 0)   = -1 EBADF (Bad file descriptor)', 4, "msg_flags", 1 },
}

describe("scripts/check-xlat", function()
  it("finds the Lua data equal to the C headers", function()
    local p = assert(io.popen("scripts/check-xlat 2>&1; echo \"::rc=$?\""))
    local out = p:read("*a")
    p:close()
    local rc = tonumber(out:match("::rc=(%d+)"))
    assert.are.equal(0, rc, out)
    assert.truthy(out:match("^check%-xlat: ok: "), out)
  end)
end)

describe("xlat.format", function()
  for _, g in ipairs(GOLDEN) do
    local line, argn, set, value, prefix = g[1], g[2], g[3], g[4], g[5]
    it(set .. " as in: " .. line, function()
      local want = args_of(line)[argn]
      if prefix then want = want:sub(#prefix + 1) end
      assert.are.equal(want, xlat.format(set, value))
    end)
  end

  it("prints 0 for no flags, and the zero name where the set has one", function()
    assert.are.equal("0", xlat.format("at_flags", 0))
    assert.are.equal("PROT_NONE", xlat.format("mmap_prot", 0))
    assert.are.equal("F_OK", xlat.format("access_mode", 0))
    assert.are.equal("O_RDONLY", xlat.format("open_flags", 0))
  end)

  it("comments an unknown value only when nothing else is printed", function()
    assert.are.equal("0x10000000 /* AT_??? */", xlat.format("at_flags", 0x10000000))
    assert.are.equal("AT_EMPTY_PATH|0x10000000", xlat.format("at_flags", 0x10001000))
    assert.are.equal("0xff /* SOCK_??? */", xlat.format("socket_type", 0xff))
  end)

  it("accepts 64-bit values as FFI cdata", function()
    local ffi = require "ffi"
    assert.are.equal("PROT_READ|PROT_WRITE", xlat.format("mmap_prot", ffi.new("uint64_t", 3)))
    assert.are.equal("O_WRONLY|O_CREAT", xlat.format("open_flags", ffi.new("int64_t", 0x41)))
  end)
end)

describe("xlat look-ups", function()
  it("loads a set on first use with by_name and by_value", function()
    local s = xlat.open_flags
    assert.are.equal(0x40, s.by_name.O_CREAT)
    assert.are.equal("O_CREAT", s.by_value[0x40])
    assert.are.equal("flags", s.kind)
    assert.are.equal(s, xlat.open_flags)
  end)

  it("resolves names of loaded sets and of every set through const", function()
    local _ = xlat.mmap_flags
    assert.are.equal(0x20, xlat.value("MAP_ANONYMOUS"))
    assert.are.equal(64, xlat.const.O_CREAT)
    assert.are.equal(17, xlat.const.SIGCHLD)
    assert.are.equal(0x5401, xlat.const.TCGETS)
    assert.is_nil(xlat.no_such_set)
  end)

  it("keeps aliases reachable by name but prints the preferred name", function()
    assert.are.equal(2, xlat.wait_options.by_name.WUNTRACED)
    assert.are.equal("WSTOPPED", xlat.format("wait_options", 2))
  end)
end)

describe("ttlua.errno", function()
  it("maps names, numbers and messages", function()
    assert.are.equal(2, errno.ENOENT)
    assert.are.equal("ENOENT", errno.name[2])
    assert.are.equal("No such file or directory", errno.message[2])
  end)

  it("resolves aliases by name and prints strace's preferred name", function()
    assert.are.equal(11, errno.EWOULDBLOCK)
    assert.are.equal("EAGAIN", errno.name[11])
    assert.are.equal(35, errno.EDEADLOCK)
    assert.are.equal(95, errno.ENOTSUP)
    assert.are.equal("EOPNOTSUPP", errno.name[95])
  end)

  it("knows the kernel-internal codes strace shows", function()
    assert.are.equal(512, errno.ERESTARTSYS)
    assert.are.equal("To be restarted if SA_RESTART is set", errno.message[512])
    assert.are.equal("Interrupted by signal", errno.message[errno.ERESTART_RESTARTBLOCK])
    assert.are.equal(524, errno.ENOTSUPP)
    assert.are.equal("ENOIOCTLCMD (Unknown error 515)", errno.describe(515))
    assert.are.equal("(errno 41)", errno.describe(41))
  end)
end)
