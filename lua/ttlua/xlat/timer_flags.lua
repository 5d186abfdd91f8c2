-- clock_nanosleep(2)/timer_settime(2) flags
-- Names and their order: strace 6.1 (xlat/clockflags.in), newer names after it;
-- values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/time.h" },
  unknown = "TIMER_???",
  { "TIMER_ABSTIME", 0x1 },
}
