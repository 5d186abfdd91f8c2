-- preadv2(2)/pwritev2(2) flags
-- Names and their order: strace 6.1 (xlat/rwf_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fs.h" },
  unknown = "RWF_???",
  { "RWF_HIPRI", 0x1 },
  { "RWF_DSYNC", 0x2 },
  { "RWF_SYNC", 0x4 },
  { "RWF_NOWAIT", 0x8 },
  { "RWF_APPEND", 0x10 },
  { "RWF_NOAPPEND", 0x20, since = "6.9" },
  { "RWF_ATOMIC", 0x40, since = "6.11" },
  { "RWF_DONTCACHE", 0x80, since = "6.14" },
  { "RWF_NOSIGNAL", 0x100, since = "6.18" },
}
