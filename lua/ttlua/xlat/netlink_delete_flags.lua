-- nlmsghdr nlmsg_flags for DEL requests
-- Names and their order: strace 6.1 (xlat/netlink_delete_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/netlink.h" },
  unknown = "NLM_F_???",
  { "NLM_F_NONREC", 0x100 },
  { "NLM_F_BULK", 0x200 },
}
