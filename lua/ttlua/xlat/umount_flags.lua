-- umount2(2) flags
-- Names and their order: strace 6.1 (xlat/umount_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/mount.h" },
  unknown = "MNT_???",
  { "MNT_FORCE", 0x1 },
  { "MNT_DETACH", 0x2 },
  { "MNT_EXPIRE", 0x4 },
  { "UMOUNT_NOFOLLOW", 0x8 },
}
