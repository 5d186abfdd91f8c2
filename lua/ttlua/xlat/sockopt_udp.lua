-- SOL_UDP option names
-- Names and their order: strace 6.1 (xlat/sock_udp_options.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "netinet/udp.h" },
  unknown = "UDP_???",
  { "UDP_CORK", 1 },
  { "UDP_ENCAP", 100 },
  { "UDP_NO_CHECK6_TX", 101 },
  { "UDP_NO_CHECK6_RX", 102 },
  { "UDP_SEGMENT", 103 },
  { "UDP_GRO", 104 },
}
