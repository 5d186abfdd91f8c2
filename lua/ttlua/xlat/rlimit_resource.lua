-- getrlimit(2)/prlimit64(2) resource
-- Names and their order: strace 6.1 (xlat/resources.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/resource.h" },
  unknown = "RLIMIT_???",
  { "RLIMIT_CPU", 0 },
  { "RLIMIT_FSIZE", 1 },
  { "RLIMIT_DATA", 2 },
  { "RLIMIT_STACK", 3 },
  { "RLIMIT_CORE", 4 },
  { "RLIMIT_RSS", 5 },
  { "RLIMIT_NPROC", 6 },
  { "RLIMIT_NOFILE", 7 },
  { "RLIMIT_MEMLOCK", 8 },
  { "RLIMIT_AS", 9 },
  { "RLIMIT_LOCKS", 10 },
  { "RLIMIT_SIGPENDING", 11 },
  { "RLIMIT_MSGQUEUE", 12 },
  { "RLIMIT_NICE", 13 },
  { "RLIMIT_RTPRIO", 14 },
  { "RLIMIT_RTTIME", 15 },
}
