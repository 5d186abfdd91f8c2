-- fallocate(2) mode
-- Names and their order: strace 6.1 (xlat/falloc_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/falloc.h" },
  unknown = "FALLOC_FL_???",
  { "FALLOC_FL_KEEP_SIZE", 0x1 },
  { "FALLOC_FL_PUNCH_HOLE", 0x2 },
  { "FALLOC_FL_NO_HIDE_STALE", 0x4 },
  { "FALLOC_FL_COLLAPSE_RANGE", 0x8 },
  { "FALLOC_FL_ZERO_RANGE", 0x10 },
  { "FALLOC_FL_INSERT_RANGE", 0x20 },
  { "FALLOC_FL_UNSHARE_RANGE", 0x40 },
  { "FALLOC_FL_WRITE_ZEROES", 0x80, since = "6.17" },
}
