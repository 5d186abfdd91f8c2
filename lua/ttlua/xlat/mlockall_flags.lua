-- mlockall(2) flags
-- Names and their order: strace 6.1 (xlat/mlockall_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/mman.h" },
  unknown = "MCL_???",
  { "MCL_CURRENT", 0x1 },
  { "MCL_FUTURE", 0x2 },
  { "MCL_ONFAULT", 0x4 },
}
