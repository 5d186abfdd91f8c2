-- timerfd_create(2)/timerfd_settime(2) flags
-- Names and their order: strace 6.1 (xlat/timerfdflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/timerfd.h" },
  unknown = "TFD_???",
  { "TFD_TIMER_ABSTIME", 0x1 },
  { "TFD_TIMER_CANCEL_ON_SET", 0x2 },
  { "TFD_CLOEXEC", 0x80000 },
  { "TFD_NONBLOCK", 0x800 },
}
