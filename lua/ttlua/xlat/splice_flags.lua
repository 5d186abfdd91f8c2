-- splice(2)/tee(2)/vmsplice(2) flags
-- Names and their order: strace 6.1 (xlat/splice_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fs.h", "fcntl.h" },
  unknown = "SPLICE_F_???",
  { "SPLICE_F_MOVE", 0x1 },
  { "SPLICE_F_NONBLOCK", 0x2 },
  { "SPLICE_F_MORE", 0x4 },
  { "SPLICE_F_GIFT", 0x8 },
}
