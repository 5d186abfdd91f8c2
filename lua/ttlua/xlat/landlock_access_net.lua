-- landlock handled_access_net
-- Names and their order: strace 6.1 (xlat/landlock_ruleset_access_net.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/landlock.h" },
  unknown = "LANDLOCK_ACCESS_NET_???",
  bits = 64,
  { "LANDLOCK_ACCESS_NET_BIND_TCP", 0x1, since = "6.7" },
  { "LANDLOCK_ACCESS_NET_CONNECT_TCP", 0x2, since = "6.7" },
  { "LANDLOCK_ACCESS_NET_BIND_UDP", 0x4, since = "7.2" },
  { "LANDLOCK_ACCESS_NET_CONNECT_SEND_UDP", 0x8, since = "7.2" },
}
