-- perf_event_attr size (unknown sizes in decimal)
-- Names and their order: strace 6.1 (xlat/perf_attr_size.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/perf_event.h" },
  unknown = "PERF_ATTR_SIZE_???",
  base = 10,
  { "PERF_ATTR_SIZE_VER0", 64 },
  { "PERF_ATTR_SIZE_VER1", 72 },
  { "PERF_ATTR_SIZE_VER2", 80 },
  { "PERF_ATTR_SIZE_VER3", 96 },
  { "PERF_ATTR_SIZE_VER4", 104 },
  { "PERF_ATTR_SIZE_VER5", 112 },
  { "PERF_ATTR_SIZE_VER6", 120 },
  { "PERF_ATTR_SIZE_VER7", 128 },
}
