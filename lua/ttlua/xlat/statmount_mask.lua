-- statmount(2) struct mnt_id_req param / struct statmount mask
-- Names and their order: strace 6.1 (xlat/statmount_mask.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h" },
  unknown = "STATMOUNT_???",
  bits = 64,
  { "STATMOUNT_SB_BASIC", 0x1, since = "6.8" },
  { "STATMOUNT_MNT_BASIC", 0x2, since = "6.8" },
  { "STATMOUNT_PROPAGATE_FROM", 0x4, since = "6.8" },
  { "STATMOUNT_MNT_ROOT", 0x8, since = "6.8" },
  { "STATMOUNT_MNT_POINT", 0x10, since = "6.8" },
  { "STATMOUNT_FS_TYPE", 0x20, since = "6.8" },
  { "STATMOUNT_MNT_NS_ID", 0x40, since = "6.11" },
  { "STATMOUNT_MNT_OPTS", 0x80, since = "6.11" },
  { "STATMOUNT_FS_SUBTYPE", 0x100, since = "6.13" },
  { "STATMOUNT_SB_SOURCE", 0x200, since = "6.13" },
  { "STATMOUNT_OPT_ARRAY", 0x400, since = "6.15" },
  { "STATMOUNT_OPT_SEC_ARRAY", 0x800, since = "6.15" },
  { "STATMOUNT_SUPPORTED_MASK", 0x1000, since = "6.15" },
  { "STATMOUNT_MNT_UIDMAP", 0x2000, since = "6.15" },
  { "STATMOUNT_MNT_GIDMAP", 0x4000, since = "6.15" },
}
