-- fanotify_init(2) flags & 0xc
-- Names and their order: strace 6.1 (xlat/fan_classes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/fanotify.h" },
  unknown = "FAN_CLASS_???",
  { "FAN_CLASS_NOTIF", 0 },
  { "FAN_CLASS_CONTENT", 4 },
  { "FAN_CLASS_PRE_CONTENT", 8 },
}
