-- getitimer(2)/setitimer(2) which
-- Names and their order: strace 6.1 (xlat/itimer_which.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/time.h" },
  unknown = "ITIMER_???",
  { "ITIMER_REAL", 0 },
  { "ITIMER_VIRTUAL", 1 },
  { "ITIMER_PROF", 2 },
}
