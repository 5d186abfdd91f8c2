-- pidfd_send_signal(2) flags
-- Names and their order: strace 6.1 (xlat/pidfd_send_signal_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/pidfd.h" },
  unknown = "PIDFD_SIGNAL_???",
  { "PIDFD_SIGNAL_THREAD", 0x1, since = "6.2+" },
  { "PIDFD_SIGNAL_THREAD_GROUP", 0x2, since = "6.2+" },
  { "PIDFD_SIGNAL_PROCESS_GROUP", 0x4, since = "6.2+" },
}
