-- signalfd4(2) flags
-- Names and their order: strace 6.1 (xlat/sfd_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/signalfd.h" },
  unknown = "SFD_???",
  { "SFD_CLOEXEC", 0x80000 },
  { "SFD_NONBLOCK", 0x800 },
}
