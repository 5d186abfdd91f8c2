-- lseek(2) whence
-- Names and their order: strace 6.1 (xlat/whence_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "unistd.h" },
  unknown = "SEEK_???",
  { "SEEK_SET", 0 },
  { "SEEK_CUR", 1 },
  { "SEEK_END", 2 },
  { "SEEK_DATA", 3 },
  { "SEEK_HOLE", 4 },
}
