-- nlmsghdr nlmsg_flags (common bits)
-- Names and their order: strace 6.1 (xlat/netlink_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/netlink.h" },
  unknown = "NLM_F_???",
  { "NLM_F_REQUEST", 0x1 },
  { "NLM_F_MULTI", 0x2 },
  { "NLM_F_ACK", 0x4 },
  { "NLM_F_ECHO", 0x8 },
  { "NLM_F_DUMP_INTR", 0x10 },
  { "NLM_F_DUMP_FILTERED", 0x20 },
}
