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
