-- move_mount(2) flags
-- Names and their order: strace 6.1 (xlat/move_mount_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h" },
  unknown = "MOVE_MOUNT_???",
  { "MOVE_MOUNT_F_SYMLINKS", 0x1 },
  { "MOVE_MOUNT_F_AUTOMOUNTS", 0x2 },
  { "MOVE_MOUNT_F_EMPTY_PATH", 0x4 },
  { "MOVE_MOUNT_T_SYMLINKS", 0x10 },
  { "MOVE_MOUNT_T_AUTOMOUNTS", 0x20 },
  { "MOVE_MOUNT_T_EMPTY_PATH", 0x40 },
  { "MOVE_MOUNT_SET_GROUP", 0x100 },
  { "MOVE_MOUNT_BENEATH", 0x200, since = "6.5" },
}
