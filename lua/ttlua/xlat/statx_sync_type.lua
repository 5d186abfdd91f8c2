-- statx(2) flags & AT_STATX_SYNC_TYPE
-- Names and their order: strace 6.1 (xlat/at_statx_sync_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fcntl.h" },
  { "AT_STATX_SYNC_AS_STAT", 0x0 },
  { "AT_STATX_FORCE_SYNC", 0x2000 },
  { "AT_STATX_DONT_SYNC", 0x4000 },
  { "AT_STATX_SYNC_TYPE", 0x6000 },
}
