-- nlmsghdr nlmsg_type (generic control messages)
-- Names and their order: strace 6.1 (xlat/netlink_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/netlink.h" },
  unknown = "NLMSG_???",
  { "NLMSG_NOOP", 1 },
  { "NLMSG_ERROR", 2 },
  { "NLMSG_DONE", 3 },
  { "NLMSG_OVERRUN", 4 },
}
