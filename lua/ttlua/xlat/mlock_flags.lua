-- mlock2(2) flags
-- Names and their order: strace 6.1 (xlat/mlock_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mman.h" },
  unknown = "MLOCK_???",
  { "MLOCK_ONFAULT", 0x1 },
}
