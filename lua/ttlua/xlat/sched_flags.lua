-- struct sched_attr sched_flags
-- Names and their order: strace 6.1 (xlat/sched_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/sched.h" },
  unknown = "SCHED_FLAG_???",
  bits = 64,
  { "SCHED_FLAG_RESET_ON_FORK", 0x1 },
  { "SCHED_FLAG_RECLAIM", 0x2 },
  { "SCHED_FLAG_DL_OVERRUN", 0x4 },
  { "SCHED_FLAG_KEEP_POLICY", 0x8 },
  { "SCHED_FLAG_KEEP_PARAMS", 0x10 },
  { "SCHED_FLAG_UTIL_CLAMP_MIN", 0x20 },
  { "SCHED_FLAG_UTIL_CLAMP_MAX", 0x40 },
}
