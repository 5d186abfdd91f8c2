-- PTRACE_SETOPTIONS data
-- Names and their order: strace 6.1 (xlat/ptrace_setoptions_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/ptrace.h" },
  unknown = "PTRACE_O_???",
  bits = 64,
  { "PTRACE_O_TRACESYSGOOD", 0x1 },
  { "PTRACE_O_TRACEFORK", 0x2 },
  { "PTRACE_O_TRACEVFORK", 0x4 },
  { "PTRACE_O_TRACECLONE", 0x8 },
  { "PTRACE_O_TRACEEXEC", 0x10 },
  { "PTRACE_O_TRACEVFORKDONE", 0x20 },
  { "PTRACE_O_TRACEEXIT", 0x40 },
  { "PTRACE_O_TRACESECCOMP", 0x80 },
  { "PTRACE_O_EXITKILL", 0x100000 },
  { "PTRACE_O_SUSPEND_SECCOMP", 0x200000 },
}
