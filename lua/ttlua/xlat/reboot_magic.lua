-- reboot(2) magic and magic2
-- Names and their order: strace 6.1 (xlat/bootflags1.in, xlat/bootflags2.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/reboot.h" },
  unknown = "LINUX_REBOOT_MAGIC_???",
  { "LINUX_REBOOT_MAGIC1", 0xfee1dead },
  { "LINUX_REBOOT_MAGIC2", 0x28121969 },
  { "LINUX_REBOOT_MAGIC2A", 0x5121996 },
  { "LINUX_REBOOT_MAGIC2B", 0x16041998 },
  { "LINUX_REBOOT_MAGIC2C", 0x20112000 },
}
