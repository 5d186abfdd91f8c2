-- perf_event_attr type
-- Names and their order: strace 6.1 (xlat/perf_type_id.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/perf_event.h" },
  unknown = "PERF_TYPE_???",
  { "PERF_TYPE_HARDWARE", 0, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_TYPE_SOFTWARE", 1, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_TYPE_TRACEPOINT", 2, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_TYPE_HW_CACHE", 3, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_TYPE_RAW", 4, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_TYPE_BREAKPOINT", 5, nocheck = "not in the x86_64 userspace headers" },
}
