-- statx(2) mask / struct statx stx_mask
-- Names and their order: strace 6.1 (xlat/statx_masks.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/stat.h" },
  unknown = "STATX_???",
  { "STATX_ALL", 0xfff },
  { "STATX_BASIC_STATS", 0x7ff },
  { "STATX_TYPE", 0x1 },
  { "STATX_MODE", 0x2 },
  { "STATX_NLINK", 0x4 },
  { "STATX_UID", 0x8 },
  { "STATX_GID", 0x10 },
  { "STATX_ATIME", 0x20 },
  { "STATX_MTIME", 0x40 },
  { "STATX_CTIME", 0x80 },
  { "STATX_INO", 0x100 },
  { "STATX_SIZE", 0x200 },
  { "STATX_BLOCKS", 0x400 },
  { "STATX_BTIME", 0x800 },
  { "STATX_MNT_ID", 0x1000 },
  { "STATX_DIOALIGN", 0x2000 },
  { "STATX_MNT_ID_UNIQUE", 0x4000, since = "6.8" },
  { "STATX_SUBVOL", 0x8000, since = "6.10" },
  { "STATX_WRITE_ATOMIC", 0x10000, since = "6.11" },
  { "STATX_DIO_READ_ALIGN", 0x20000, since = "6.14" },
}
