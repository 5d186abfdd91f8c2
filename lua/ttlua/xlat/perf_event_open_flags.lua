-- perf_event_open(2) flags
-- Names and their order: strace 6.1 (xlat/perf_event_open_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/perf_event.h" },
  unknown = "PERF_FLAG_???",
  bits = 64,
  { "PERF_FLAG_FD_NO_GROUP", 0x1 },
  { "PERF_FLAG_FD_OUTPUT", 0x2 },
  { "PERF_FLAG_PID_CGROUP", 0x4 },
  { "PERF_FLAG_FD_CLOEXEC", 0x8 },
}
