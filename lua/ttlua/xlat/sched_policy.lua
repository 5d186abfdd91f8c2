-- sched_setscheduler(2) policy
-- Names and their order: strace 6.1 (xlat/schedulers.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sched.h", "linux/sched.h" },
  unknown = "SCHED_???",
  { "SCHED_OTHER", 0 },
  { "SCHED_FIFO", 1 },
  { "SCHED_RR", 2 },
  { "SCHED_BATCH", 3 },
  { "SCHED_ISO", 4 },
  { "SCHED_IDLE", 5 },
  { "SCHED_DEADLINE", 6 },
  { "SCHED_EXT", 7, since = "6.12" },
}
