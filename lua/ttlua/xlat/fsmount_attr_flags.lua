-- fsmount(2) attr_flags
-- Names and their order: strace 6.1 (xlat/fsmount_attr_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h" },
  unknown = "MOUNT_ATTR_???",
  { "MOUNT_ATTR_RDONLY", 0x1 },
  { "MOUNT_ATTR_NOSUID", 0x2 },
  { "MOUNT_ATTR_NODEV", 0x4 },
  { "MOUNT_ATTR_NOEXEC", 0x8 },
  { "MOUNT_ATTR_NOATIME", 0x10 },
  { "MOUNT_ATTR_STRICTATIME", 0x20 },
  { "MOUNT_ATTR_NODIRATIME", 0x80 },
}
