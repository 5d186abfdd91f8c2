-- F_SETFD / F_GETFD flags
-- Names and their order: strace 6.1 (xlat/fdflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/fcntl.h" },
  unknown = "FD_???",
  { "FD_CLOEXEC", 0x1 },
}
