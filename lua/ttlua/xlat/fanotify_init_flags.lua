-- fanotify_init(2) flags
-- Names and their order: strace 6.1 (xlat/fan_init_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fanotify.h" },
  unknown = "FAN_???",
  low = { mask = 0xc, set = "fanotify_class", raw = true, rest_unknown = true },
  { "FAN_CLOEXEC", 0x1 },
  { "FAN_NONBLOCK", 0x2 },
  { "FAN_UNLIMITED_QUEUE", 0x10 },
  { "FAN_UNLIMITED_MARKS", 0x20 },
  { "FAN_ENABLE_AUDIT", 0x40 },
  { "FAN_REPORT_PIDFD", 0x80 },
  { "FAN_REPORT_TID", 0x100 },
  { "FAN_REPORT_FID", 0x200 },
  { "FAN_REPORT_DIR_FID", 0x400 },
  { "FAN_REPORT_NAME", 0x800 },
  { "FAN_REPORT_TARGET_FID", 0x1000 },
  { "FAN_REPORT_FD_ERROR", 0x2000, since = "6.13" },
  { "FAN_REPORT_MNT", 0x4000, since = "6.15" },
}
