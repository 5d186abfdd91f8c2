-- statx(2) flags & AT_STATX_SYNC_TYPE
-- Names and their order: strace 6.1 (xlat/at_statx_sync_types.in), newer names after it;
-- values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/fcntl.h" },
  { "AT_STATX_SYNC_AS_STAT", 0 },
  { "AT_STATX_FORCE_SYNC", 8192 },
  { "AT_STATX_DONT_SYNC", 16384 },
  { "AT_STATX_SYNC_TYPE", 24576 },
}
