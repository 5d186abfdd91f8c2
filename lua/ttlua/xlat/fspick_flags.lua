-- fspick(2) flags
-- Names and their order: strace 6.1 (xlat/fspick_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h" },
  unknown = "FSPICK_???",
  { "FSPICK_CLOEXEC", 0x1 },
  { "FSPICK_SYMLINK_NOFOLLOW", 0x2 },
  { "FSPICK_NO_AUTOMOUNT", 0x4 },
  { "FSPICK_EMPTY_PATH", 0x8 },
}
