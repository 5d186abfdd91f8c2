-- struct fsxattr fsx_xflags
-- Names and their order: strace 6.1 (xlat/fs_xflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fs.h" },
  unknown = "FS_XFLAG_???",
  { "FS_XFLAG_REALTIME", 0x1 },
  { "FS_XFLAG_PREALLOC", 0x2 },
  { "FS_XFLAG_IMMUTABLE", 0x8 },
  { "FS_XFLAG_APPEND", 0x10 },
  { "FS_XFLAG_SYNC", 0x20 },
  { "FS_XFLAG_NOATIME", 0x40 },
  { "FS_XFLAG_NODUMP", 0x80 },
  { "FS_XFLAG_RTINHERIT", 0x100 },
  { "FS_XFLAG_PROJINHERIT", 0x200 },
  { "FS_XFLAG_NOSYMLINKS", 0x400 },
  { "FS_XFLAG_EXTSIZE", 0x800 },
  { "FS_XFLAG_EXTSZINHERIT", 0x1000 },
  { "FS_XFLAG_NODEFRAG", 0x2000 },
  { "FS_XFLAG_FILESTREAM", 0x4000 },
  { "FS_XFLAG_DAX", 0x8000 },
  { "FS_XFLAG_COWEXTSIZE", 0x10000 },
  { "FS_XFLAG_VERITY", 0x20000, since = "7.0" },
  { "FS_XFLAG_HASATTR", 0x80000000 },
  { "FS_XFLAG_CASEFOLD", 0x40000, since = "7.2" },
  { "FS_XFLAG_CASENONPRESERVING", 0x80000, since = "7.2" },
}
