-- sync_file_range(2) flags
-- Names and their order: strace 6.1 (xlat/sync_file_range_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fs.h" },
  unknown = "SYNC_FILE_RANGE_???",
  { "SYNC_FILE_RANGE_WAIT_BEFORE", 0x1 },
  { "SYNC_FILE_RANGE_WRITE", 0x2 },
  { "SYNC_FILE_RANGE_WAIT_AFTER", 0x4 },
}
