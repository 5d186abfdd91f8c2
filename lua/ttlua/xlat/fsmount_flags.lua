-- fsmount(2) flags
-- Names and their order: strace 6.1 (xlat/fsmount_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h" },
  unknown = "FSMOUNT_???",
  { "FSMOUNT_CLOEXEC", 0x1 },
  { "FSMOUNT_NAMESPACE", 0x2, since = "7.1" },
}
