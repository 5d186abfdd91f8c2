-- struct statfs f_flags
-- Names and their order: strace 6.1 (xlat/statfs_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/statvfs.h" },
  unknown = "ST_???",
  { "ST_VALID", 0x20, nocheck = "not in the x86_64 userspace headers" },
  { "ST_RDONLY", 0x1 },
  { "ST_NOSUID", 0x2 },
  { "ST_NODEV", 0x4 },
  { "ST_NOEXEC", 0x8 },
  { "ST_SYNCHRONOUS", 0x10 },
  { "ST_MANDLOCK", 0x40 },
  { "ST_NOATIME", 0x400 },
  { "ST_NODIRATIME", 0x800 },
  { "ST_RELATIME", 0x1000 },
  { "ST_NOSYMFOLLOW", 0x2000, nocheck = "not in the x86_64 userspace headers" },
}
