-- dup3(2) flags: strace prints them with the open(2) flag names
-- Names and their order: strace 6.1 (xlat/open_mode_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/fcntl.h" },
  unknown = "O_???",
  { "O_CREAT", 0x40 },
  { "O_EXCL", 0x80 },
  { "O_NOCTTY", 0x100 },
  { "O_TRUNC", 0x200 },
  { "O_APPEND", 0x400 },
  { "O_NONBLOCK", 0x800 },
  { "O_SYNC", 0x101000 },
  { "__O_SYNC", 0x100000 },
  { "O_DSYNC", 0x1000 },
  { "O_DIRECT", 0x4000 },
  { "O_LARGEFILE", 0x8000 },
  { "O_NOFOLLOW", 0x20000 },
  { "O_NOATIME", 0x40000 },
  { "O_CLOEXEC", 0x80000 },
  { "O_PATH", 0x200000 },
  { "O_TMPFILE", 0x410000 },
  { "__O_TMPFILE", 0x400000 },
  { "O_DIRECTORY", 0x10000 },
  { "O_EMPTYPATH", 0x4000000, since = "7.2" },
  { "FASYNC", 0x2000 },
}
