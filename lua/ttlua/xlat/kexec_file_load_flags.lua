-- kexec_file_load(2) flags
-- Names and their order: strace 6.1 (xlat/kexec_file_load_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/kexec.h" },
  unknown = "KEXEC_FILE_???",
  bits = 64,
  { "KEXEC_FILE_UNLOAD", 0x1 },
  { "KEXEC_FILE_ON_CRASH", 0x2 },
  { "KEXEC_FILE_NO_INITRAMFS", 0x4 },
  { "KEXEC_FILE_DEBUG", 0x8, since = "6.8" },
  { "KEXEC_FILE_NO_CMA", 0x10, since = "6.17" },
  { "KEXEC_FILE_FORCE_DTB", 0x20, since = "6.18" },
}
