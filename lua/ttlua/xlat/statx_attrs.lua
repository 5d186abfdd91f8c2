-- struct statx stx_attributes
-- Names and their order: strace 6.1 (xlat/statx_attrs.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/stat.h" },
  unknown = "STATX_ATTR_???",
  bits = 64,
  { "STATX_ATTR_COMPRESSED", 0x4 },
  { "STATX_ATTR_IMMUTABLE", 0x10 },
  { "STATX_ATTR_APPEND", 0x20 },
  { "STATX_ATTR_NODUMP", 0x40 },
  { "STATX_ATTR_ENCRYPTED", 0x800 },
  { "STATX_ATTR_AUTOMOUNT", 0x1000 },
  { "STATX_ATTR_MOUNT_ROOT", 0x2000 },
  { "STATX_ATTR_VERITY", 0x100000 },
  { "STATX_ATTR_DAX", 0x200000 },
  { "STATX_ATTR_WRITE_ATOMIC", 0x400000, since = "6.11" },
}
