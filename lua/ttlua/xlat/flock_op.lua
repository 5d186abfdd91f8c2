-- flock(2) operation
-- Names and their order: strace 6.1 (xlat/flockcmds.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/fcntl.h" },
  unknown = "LOCK_???",
  { "LOCK_SH", 0x1 },
  { "LOCK_EX", 0x2 },
  { "LOCK_NB", 0x4 },
  { "LOCK_UN", 0x8 },
  { "LOCK_MAND", 0x20 },
  { "LOCK_RW", 0xc0 },
  { "LOCK_READ", 0x40 },
  { "LOCK_WRITE", 0x80 },
}
