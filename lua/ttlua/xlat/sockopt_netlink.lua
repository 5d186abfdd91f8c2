-- SOL_NETLINK option names
-- Names and their order: strace 6.1 (xlat/sock_netlink_options.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/netlink.h" },
  unknown = "NETLINK_???",
  { "NETLINK_ADD_MEMBERSHIP", 1 },
  { "NETLINK_DROP_MEMBERSHIP", 2 },
  { "NETLINK_PKTINFO", 3 },
  { "NETLINK_BROADCAST_ERROR", 4 },
  { "NETLINK_NO_ENOBUFS", 5 },
  { "NETLINK_RX_RING", 6 },
  { "NETLINK_TX_RING", 7 },
  { "NETLINK_LISTEN_ALL_NSID", 8 },
  { "NETLINK_LIST_MEMBERSHIPS", 9 },
  { "NETLINK_CAP_ACK", 10 },
  { "NETLINK_EXT_ACK", 11 },
  { "NETLINK_GET_STRICT_CHK", 12 },
}
