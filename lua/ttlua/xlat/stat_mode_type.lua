-- st_mode / mknod(2) mode: S_IFREG|S_ISUID|0755, an unknown type as plain octal
-- Names and their order: strace 6.1 (xlat/modetypes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/stat.h" },
  special = "symbolic_mode",
  { "S_IFREG", 32768 },
  { "S_IFSOCK", 49152 },
  { "S_IFIFO", 4096 },
  { "S_IFLNK", 40960 },
  { "S_IFDIR", 16384 },
  { "S_IFBLK", 24576 },
  { "S_IFCHR", 8192 },
}
