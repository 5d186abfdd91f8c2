-- reboot(2) cmd
-- Names and their order: strace 6.1 (xlat/bootflags3.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/reboot.h" },
  unknown = "LINUX_REBOOT_CMD_???",
  { "LINUX_REBOOT_CMD_RESTART", 0x1234567 },
  { "LINUX_REBOOT_CMD_HALT", 0xcdef0123 },
  { "LINUX_REBOOT_CMD_CAD_ON", 0x89abcdef },
  { "LINUX_REBOOT_CMD_CAD_OFF", 0 },
  { "LINUX_REBOOT_CMD_POWER_OFF", 0x4321fedc },
  { "LINUX_REBOOT_CMD_RESTART2", 0xa1b2c3d4 },
  { "LINUX_REBOOT_CMD_SW_SUSPEND", 0xd000fce2 },
  { "LINUX_REBOOT_CMD_KEXEC", 0x45584543 },
}
