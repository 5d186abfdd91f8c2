-- fanotify_mark(2) flags
-- Names and their order: strace 6.1 (xlat/fan_mark_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fanotify.h" },
  unknown = "FAN_MARK_???",
  { "FAN_MARK_ADD", 0x1 },
  { "FAN_MARK_REMOVE", 0x2 },
  { "FAN_MARK_DONT_FOLLOW", 0x4 },
  { "FAN_MARK_ONLYDIR", 0x8 },
  { "FAN_MARK_MNTNS", 0x110, since = "6.15" },
  { "FAN_MARK_MOUNT", 0x10 },
  { "FAN_MARK_IGNORED_MASK", 0x20 },
  { "FAN_MARK_IGNORED_SURV_MODIFY", 0x40 },
  { "FAN_MARK_FLUSH", 0x80 },
  { "FAN_MARK_FILESYSTEM", 0x100 },
  { "FAN_MARK_EVICTABLE", 0x200 },
  { "FAN_MARK_IGNORE", 0x400 },
}
