-- signalfd4(2) flags
-- Names and their order: strace 6.1 (xlat/sfd_flags.in), newer names after it;
-- values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/signalfd.h" },
  unknown = "SFD_???",
  { "SFD_CLOEXEC", 0x80000 },
  { "SFD_NONBLOCK", 0x800 },
}
