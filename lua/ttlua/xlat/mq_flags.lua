-- struct mq_attr mq_flags
-- Names and their order: strace 6.1 (xlat/mq_attr_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  bits = 64,
  headers = { "fcntl.h" },
  unknown = "O_???",
  { "O_NONBLOCK", 0x800 },
}
