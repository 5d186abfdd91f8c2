-- name_to_handle_at(2) flags
-- Names and their order: strace 6.1 (xlat/name_to_handle_at_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fcntl.h" },
  unknown = "AT_???",
  { "AT_HANDLE_MNT_ID_UNIQUE", 0x1, since = "6.13" },
  { "AT_HANDLE_CONNECTABLE", 0x2, since = "6.13" },
  { "AT_HANDLE_FID", 0x200, since = "6.5" },
  { "AT_SYMLINK_FOLLOW", 0x400 },
  { "AT_EMPTY_PATH", 0x1000 },
}
