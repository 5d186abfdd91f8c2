-- pidfd_open(2) flags
-- Names and their order: strace 6.1 (xlat/pidfd_open_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/pidfd.h" },
  unknown = "PIDFD_???",
  { "PIDFD_NONBLOCK", 0x800 },
  { "PIDFD_THREAD", 0x80, since = "6.9" },
  { "PIDFD_AUTOKILL", 0x200, since = "7.1" },
}
