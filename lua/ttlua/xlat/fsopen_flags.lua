-- fsopen(2) flags
-- Names and their order: strace 6.1 (xlat/fsopen_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h" },
  unknown = "FSOPEN_???",
  { "FSOPEN_CLOEXEC", 0x1 },
}
