-- renameat2(2) flags
-- Names and their order: strace 6.1 (xlat/rename_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fs.h" },
  unknown = "RENAME_??",
  { "RENAME_NOREPLACE", 0x1 },
  { "RENAME_EXCHANGE", 0x2 },
  { "RENAME_WHITEOUT", 0x4 },
}
