-- clockid_t (strace 6.1 prints the negative CPU / fd clock ids as numbers: 0xfffffffe /* CLOCK_??? */)
-- Names and their order: strace 6.1 (xlat/clocknames.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/time.h" },
  unknown = "CLOCK_???",
  { "CLOCK_REALTIME", 0 },
  { "CLOCK_MONOTONIC", 1 },
  { "CLOCK_PROCESS_CPUTIME_ID", 2 },
  { "CLOCK_THREAD_CPUTIME_ID", 3 },
  { "CLOCK_MONOTONIC_RAW", 4 },
  { "CLOCK_REALTIME_COARSE", 5 },
  { "CLOCK_MONOTONIC_COARSE", 6 },
  { "CLOCK_BOOTTIME", 7 },
  { "CLOCK_REALTIME_ALARM", 8 },
  { "CLOCK_BOOTTIME_ALARM", 9 },
  { "CLOCK_SGI_CYCLE", 10 },
  { "CLOCK_TAI", 11 },
}
