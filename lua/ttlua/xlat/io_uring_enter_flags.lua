-- io_uring_enter(2) flags
-- Names and their order: strace 6.1 (xlat/uring_enter_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/io_uring.h" },
  unknown = "IORING_ENTER_???",
  { "IORING_ENTER_GETEVENTS", 0x1 },
  { "IORING_ENTER_SQ_WAKEUP", 0x2 },
  { "IORING_ENTER_SQ_WAIT", 0x4 },
  { "IORING_ENTER_EXT_ARG", 0x8 },
  { "IORING_ENTER_REGISTERED_RING", 0x10 },
  { "IORING_ENTER_ABS_TIMER", 0x20, since = "6.12" },
  { "IORING_ENTER_EXT_ARG_REG", 0x40, since = "6.13" },
  { "IORING_ENTER_NO_IOWAIT", 0x80, since = "6.15" },
}
