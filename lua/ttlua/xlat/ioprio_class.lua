-- I/O priority class (ioprio >> 13)
-- Names and their order: strace 6.1 (xlat/ioprio_class.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/ioprio.h" },
  unknown = "IOPRIO_CLASS_???",
  { "IOPRIO_CLASS_NONE", 0 },
  { "IOPRIO_CLASS_RT", 1 },
  { "IOPRIO_CLASS_BE", 2 },
  { "IOPRIO_CLASS_IDLE", 3 },
}
