-- mount_setattr(2) flags
-- Names and their order: strace 6.1 (xlat/mount_setattr_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h", "linux/fcntl.h" },
  unknown = "AT_???",
  { "AT_SYMLINK_NOFOLLOW", 0x100 },
  { "AT_NO_AUTOMOUNT", 0x800 },
  { "AT_EMPTY_PATH", 0x1000 },
  { "AT_RECURSIVE", 0x8000 },
}
