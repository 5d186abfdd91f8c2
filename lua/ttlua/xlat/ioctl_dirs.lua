-- ioctl direction bits inside _IOC(...)
-- Names and their order: strace 6.1 (xlat/ioctl_dirs.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/ioctl.h" },
  unknown = "_IOC_???",
  { "_IOC_NONE", 0x0 },
  { "_IOC_READ", 0x2 },
  { "_IOC_WRITE", 0x1 },
}
