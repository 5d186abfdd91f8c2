-- ptrace event in a wait status (status >> 16)
-- Names and their order: strace 6.1 (xlat/ptrace_events.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/ptrace.h" },
  unknown = "PTRACE_EVENT_???",
  { "PTRACE_EVENT_FORK", 1 },
  { "PTRACE_EVENT_VFORK", 2 },
  { "PTRACE_EVENT_CLONE", 3 },
  { "PTRACE_EVENT_EXEC", 4 },
  { "PTRACE_EVENT_VFORK_DONE", 5 },
  { "PTRACE_EVENT_EXIT", 6 },
  { "PTRACE_EVENT_SECCOMP", 7 },
  { "PTRACE_EVENT_STOP", 128 },
}
