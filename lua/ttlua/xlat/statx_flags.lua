-- statx(2) flags: AT_STATX_* sync type (low enum) then AT_* flags
-- Names and their order: strace 6.1 (xlat/at_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fcntl.h" },
  low = { mask = 0x6000, set = "statx_sync_type" },
  { "AT_SYMLINK_NOFOLLOW", 0x100 },
  { "AT_REMOVEDIR", 0x200 },
  { "AT_SYMLINK_FOLLOW", 0x400 },
  { "AT_NO_AUTOMOUNT", 0x800 },
  { "AT_EMPTY_PATH", 0x1000 },
  { "AT_RECURSIVE", 0x8000 },
}
