-- capget(2)/capset(2) header version
-- Names and their order: strace 6.1 (xlat/cap_version.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/capability.h" },
  unknown = "_LINUX_CAPABILITY_VERSION_???",
  { "_LINUX_CAPABILITY_VERSION_1", 0x19980330 },
  { "_LINUX_CAPABILITY_VERSION_2", 0x20071026 },
  { "_LINUX_CAPABILITY_VERSION_3", 0x20080522 },
}
