-- open(2) access mode (flags & O_ACCMODE)
-- Names and their order: strace 6.1 (xlat/open_access_modes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/fcntl.h" },
  unknown = "O_???",
  { "O_RDONLY", 0 },
  { "O_WRONLY", 1 },
  { "O_RDWR", 2 },
  { "O_ACCMODE", 3 },
}
