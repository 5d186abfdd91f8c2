-- landlock handled_access_fs / allowed_access
-- Names and their order: strace 6.1 (xlat/landlock_ruleset_access_fs.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/landlock.h" },
  unknown = "LANDLOCK_ACCESS_FS_???",
  bits = 64,
  { "LANDLOCK_ACCESS_FS_EXECUTE", 0x1 },
  { "LANDLOCK_ACCESS_FS_WRITE_FILE", 0x2 },
  { "LANDLOCK_ACCESS_FS_READ_FILE", 0x4 },
  { "LANDLOCK_ACCESS_FS_READ_DIR", 0x8 },
  { "LANDLOCK_ACCESS_FS_REMOVE_DIR", 0x10 },
  { "LANDLOCK_ACCESS_FS_REMOVE_FILE", 0x20 },
  { "LANDLOCK_ACCESS_FS_MAKE_CHAR", 0x40 },
  { "LANDLOCK_ACCESS_FS_MAKE_DIR", 0x80 },
  { "LANDLOCK_ACCESS_FS_MAKE_REG", 0x100 },
  { "LANDLOCK_ACCESS_FS_MAKE_SOCK", 0x200 },
  { "LANDLOCK_ACCESS_FS_MAKE_FIFO", 0x400 },
  { "LANDLOCK_ACCESS_FS_MAKE_BLOCK", 0x800 },
  { "LANDLOCK_ACCESS_FS_MAKE_SYM", 0x1000 },
  { "LANDLOCK_ACCESS_FS_REFER", 0x2000 },
  { "LANDLOCK_ACCESS_FS_TRUNCATE", 0x4000, since = "6.2" },
  { "LANDLOCK_ACCESS_FS_IOCTL_DEV", 0x8000, since = "6.10" },
  { "LANDLOCK_ACCESS_FS_RESOLVE_UNIX", 0x10000, since = "7.1" },
}
