-- struct sigevent sigev_notify
-- Names and their order: strace 6.1 (xlat/sigev_value.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "signal.h" },
  unknown = "SIGEV_???",
  { "SIGEV_SIGNAL", 0 },
  { "SIGEV_NONE", 1 },
  { "SIGEV_THREAD", 2 },
  { "SIGEV_THREAD_ID", 4 },
}
