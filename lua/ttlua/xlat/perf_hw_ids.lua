-- perf_event_attr config for PERF_TYPE_HARDWARE
-- Names and their order: strace 6.1 (xlat/perf_hw_id.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/perf_event.h" },
  unknown = "PERF_COUNT_HW_???",
  { "PERF_COUNT_HW_CPU_CYCLES", 0, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_INSTRUCTIONS", 1, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_CACHE_REFERENCES", 2, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_CACHE_MISSES", 3, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_BRANCH_INSTRUCTIONS", 4, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_BRANCH_MISSES", 5, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_BUS_CYCLES", 6, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND", 7, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_STALLED_CYCLES_BACKEND", 8, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_HW_REF_CPU_CYCLES", 9, nocheck = "not in the x86_64 userspace headers" },
}
