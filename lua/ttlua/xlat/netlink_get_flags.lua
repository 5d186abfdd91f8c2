-- nlmsghdr nlmsg_flags for GET requests
-- Names and their order: strace 6.1 (xlat/netlink_get_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/netlink.h" },
  unknown = "NLM_F_???",
  { "NLM_F_DUMP", 0x300 },
  { "NLM_F_ROOT", 0x100 },
  { "NLM_F_MATCH", 0x200 },
  { "NLM_F_ATOMIC", 0x400 },
}
