-- clone(2) flags; the low byte (CSIGNAL) is the exit signal, printed last
-- Names and their order: strace 6.1 (xlat/clone_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/sched.h" },
  unknown = "CLONE_???",
  bits = 64,
  low = { mask = 0xff, set = "signals", last = true },
  { "CLONE_VM", 0x100 },
  { "CLONE_FS", 0x200 },
  { "CLONE_FILES", 0x400 },
  { "CLONE_SIGHAND", 0x800 },
  { "CLONE_PIDFD", 0x1000 },
  { "CLONE_PTRACE", 0x2000 },
  { "CLONE_VFORK", 0x4000 },
  { "CLONE_PARENT", 0x8000 },
  { "CLONE_THREAD", 0x10000 },
  { "CLONE_NEWNS", 0x20000 },
  { "CLONE_SYSVSEM", 0x40000 },
  { "CLONE_SETTLS", 0x80000 },
  { "CLONE_PARENT_SETTID", 0x100000 },
  { "CLONE_CHILD_CLEARTID", 0x200000 },
  { "CLONE_UNTRACED", 0x800000 },
  { "CLONE_CHILD_SETTID", 0x1000000 },
  { "CLONE_NEWCGROUP", 0x2000000 },
  { "CLONE_NEWUTS", 0x4000000 },
  { "CLONE_NEWIPC", 0x8000000 },
  { "CLONE_NEWUSER", 0x10000000 },
  { "CLONE_NEWPID", 0x20000000 },
  { "CLONE_NEWNET", 0x40000000 },
  { "CLONE_IO", 0x80000000 },
}
