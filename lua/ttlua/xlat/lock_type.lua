-- struct flock l_type
-- Names and their order: strace 6.1 (xlat/lockfcmds.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/fcntl.h" },
  unknown = "F_???",
  { "F_RDLCK", 0 },
  { "F_WRLCK", 1 },
  { "F_UNLCK", 2 },
  { "F_EXLCK", 4 },
  { "F_SHLCK", 8 },
}
