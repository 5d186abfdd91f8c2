-- siginfo si_perf_flags of TRAP_PERF
-- Names and their order: strace 6.1 (xlat/sigtrap_perf_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/perf_event.h" },
  unknown = "TRAP_PERF_FLAG_???",
  { "TRAP_PERF_FLAG_ASYNC", 0x1, nocheck = "not in the x86_64 userspace headers" },
}
