-- struct ptrace_syscall_info op
-- Names and their order: strace 6.1 (xlat/ptrace_syscall_info_op.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/ptrace.h" },
  unknown = "PTRACE_SYSCALL_INFO_???",
  { "PTRACE_SYSCALL_INFO_NONE", 0 },
  { "PTRACE_SYSCALL_INFO_ENTRY", 1 },
  { "PTRACE_SYSCALL_INFO_EXIT", 2 },
  { "PTRACE_SYSCALL_INFO_SECCOMP", 3 },
}
