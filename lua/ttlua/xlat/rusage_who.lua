-- getrusage(2) who
-- Names and their order: strace 6.1 (xlat/usagewho.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/resource.h" },
  unknown = "RUSAGE_???",
  { "RUSAGE_SELF", 0 },
  { "RUSAGE_CHILDREN", 0xffffffff },
  { "RUSAGE_BOTH", 0xfffffffe, nocheck = "not in the x86_64 userspace headers" },
  { "RUSAGE_THREAD", 1 },
}
