-- nlmsghdr nlmsg_flags for NEW requests
-- Names and their order: strace 6.1 (xlat/netlink_new_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/netlink.h" },
  unknown = "NLM_F_???",
  { "NLM_F_REPLACE", 0x100 },
  { "NLM_F_EXCL", 0x200 },
  { "NLM_F_CREATE", 0x400 },
  { "NLM_F_APPEND", 0x800 },
}
