-- inotify_init1(2) flags
-- Names and their order: strace 6.1 (xlat/inotify_init_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/inotify.h" },
  unknown = "IN_???",
  { "IN_NONBLOCK", 0x800 },
  { "IN_CLOEXEC", 0x80000 },
}
