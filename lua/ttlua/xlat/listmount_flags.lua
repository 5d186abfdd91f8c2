-- listmount(2) flags
-- Names and their order: strace 6.1 (xlat/listmount_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h" },
  unknown = "LISTMOUNT_???",
  { "LISTMOUNT_REVERSE", 0x1, since = "6.11" },
}
