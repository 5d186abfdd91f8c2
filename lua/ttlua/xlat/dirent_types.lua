-- struct linux_dirent64 d_type
-- Names and their order: strace 6.1 (xlat/dirent_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "dirent.h" },
  unknown = "DT_???",
  { "DT_UNKNOWN", 0 },
  { "DT_FIFO", 1 },
  { "DT_CHR", 2 },
  { "DT_DIR", 4 },
  { "DT_BLK", 6 },
  { "DT_REG", 8 },
  { "DT_LNK", 10 },
  { "DT_SOCK", 12 },
  { "DT_WHT", 14 },
}
