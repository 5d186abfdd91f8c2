-- Golden lines for the decoder families: each tests/progs/golden_*.c makes
-- calls with known values and prints the lines strace 6.1 prints for them;
-- ttlua must print every one.  Where strace 6.1 is installed the same lines
-- are checked against it too, so an expected line cannot drift from strace.
local H = require "tests.helper"
local G = require "tests.decode_golden"

local PROGS = {
  { "golden_files", "open/openat flags and modes, read/write buffers, lseek, stat, statx, getdents64, "
    .. "fcntl, pipe2, dup3, utimensat", dir = true },
  { "golden_mem", "mmap/mprotect/madvise/mremap/munmap/brk", dir = true },
  { "golden_proc", "clone, clone3, fork, wait4 statuses, execve argv/envp, prlimit64, uname, prctl, arch_prctl" },
  { "golden_signals", "rt_sigaction, rt_sigprocmask, tgkill, signal delivery, rt_sigreturn, sigaltstack, signalfd4" },
  { "golden_net", "socket/bind/connect/accept4/getsockopt/setsockopt/sendmsg/recvmsg/sendmmsg/recvmmsg", dir = true },
  { "golden_poll", "poll, ppoll, select, pselect6, epoll" },
  { "golden_time", "clock_nanosleep, nanosleep, clock_*, time, timers, timerfd, itimers" },
  { "golden_futex", "futex operations" },
  { "golden_ioctl", "terminal ioctls, FIONREAD, FIONBIO, FIOCLEX, FS_IOC_GETFLAGS, FICLONE, unknown requests",
    dir = true },
  { "golden_misc", "readv/writev, sendfile, copy_file_range, CPU sets, capget, seccomp, bpf, io_uring, "
    .. "getrandom, ptrace", dir = true },
}

for _, p in ipairs(PROGS) do
  describe(p[1] .. " (" .. p[2] .. ")", function()
    local prog = H.progs .. "/" .. p[1]
    it("ttlua prints each expected line", function()
      local rep = G.check("ttlua", prog, p.dir and { G.dir() } or {})
      assert(rep == nil, rep)
    end)
    it("strace 6.1 prints the same lines (when installed)", function()
      if not G.have_strace() then
        pending("strace 6.1 is not installed")
        return
      end
      local rep = G.check("strace", prog, p.dir and { G.dir() } or {})
      assert(rep == nil, rep)
    end)
  end)
end

describe("the golden check itself", function()
  local function log(lines) return G.normalise(table.concat(lines, "\n") .. "\n") end

  it("fails when one thread's lines come in another order", function()
    local got = log({ "100 close(3) = 0", "100 open(\"a\", O_RDONLY) = 3" })
    local bad = G.misordered({ 'open("a", O_RDONLY) = 3', "close(3) = 0" }, got)
    assert.are.equal(1, #bad)
    assert.are.equal("close(3) = 0", bad[1].want)
    assert.are.equal('open("a", O_RDONLY) = 3', bad[1].after)
    assert.is_nil(G.missing({ 'open("a", O_RDONLY) = 3', "close(3) = 0" }, got)[1])
  end)

  it("lets lines of different threads interleave, and joins resumed halves per thread", function()
    local got = log({ "200 getpid() = 200", "100 read(0,  <unfinished ...>", "100 getppid() = 1",
                      "101 write(1, \"x\", 1) = 1", "100 <... read resumed>\"\", 1) = 0" })
    -- read's line is placed where it started, before getppid in thread 100
    assert.are.same({}, G.misordered({ 'write(1, "x", 1) = 1', 'read(0, "", 1) = 0', "getppid() = 1",
                                       "getpid() = 200" }, got))
    assert.are.equal(1, #G.misordered({ "getppid() = 1", 'read(0, "", 1) = 0' }, got))
  end)

  it("matches repeated lines in order (without a pid column too)", function()
    local got = log({ "close(3) = 0", "dup(1) = 3", "close(3) = 0" })
    assert.are.same({}, G.misordered({ "close(3) = 0", "dup(1) = 3", "close(3) = 0" }, got))
    assert.are.equal(1, #G.misordered({ "dup(1) = 3", "close(3) = 0", "close(3) = 0" }, got))
  end)
end)
