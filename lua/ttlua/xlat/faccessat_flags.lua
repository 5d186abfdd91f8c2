-- faccessat2(2) flags
-- Names and their order: strace 6.1 (xlat/faccessat_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fcntl.h" },
  unknown = "AT_???",
  { "AT_SYMLINK_NOFOLLOW", 0x100 },
  { "AT_EACCESS", 0x200 },
  { "AT_EMPTY_PATH", 0x1000 },
}
