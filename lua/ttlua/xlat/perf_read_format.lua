-- perf_event_attr read_format
-- Names and their order: strace 6.1 (xlat/perf_event_read_format.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/perf_event.h" },
  unknown = "PERF_FORMAT_???",
  { "PERF_FORMAT_TOTAL_TIME_ENABLED", 0x1, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_FORMAT_TOTAL_TIME_RUNNING", 0x2, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_FORMAT_ID", 0x4, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_FORMAT_GROUP", 0x8, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_FORMAT_LOST", 0x10, nocheck = "not in the x86_64 userspace headers" },
}
