-- kexec_load(2) flags (without the arch)
-- Names and their order: strace 6.1 (xlat/kexec_load_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/kexec.h" },
  unknown = "KEXEC_???",
  bits = 64,
  { "KEXEC_ON_CRASH", 0x1 },
  { "KEXEC_PRESERVE_CONTEXT", 0x2 },
  { "KEXEC_UPDATE_ELFCOREHDR", 0x4, since = "6.6" },
  { "KEXEC_CRASH_HOTPLUG_SUPPORT", 0x8, since = "6.10" },
}
