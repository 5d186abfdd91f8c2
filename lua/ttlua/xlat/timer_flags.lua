-- clock_nanosleep(2)/timer_settime(2) flags
-- Names and their order: strace 6.1 (xlat/clockflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/time.h" },
  unknown = "TIMER_???",
  { "TIMER_ABSTIME", 0x1 },
}
