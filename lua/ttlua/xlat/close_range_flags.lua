-- close_range(2) flags
-- Names and their order: strace 6.1 (xlat/close_range_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/close_range.h" },
  unknown = "CLOSE_RANGE_???",
  { "CLOSE_RANGE_UNSHARE", 0x2 },
  { "CLOSE_RANGE_CLOEXEC", 0x4 },
}
