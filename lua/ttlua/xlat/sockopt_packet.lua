-- SOL_PACKET option names
-- Names and their order: strace 6.1 (xlat/sock_packet_options.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/if_packet.h" },
  unknown = "PACKET_???",
  { "PACKET_ADD_MEMBERSHIP", 1 },
  { "PACKET_DROP_MEMBERSHIP", 2 },
  { "PACKET_RECV_OUTPUT", 3 },
  { "PACKET_RX_RING", 5 },
  { "PACKET_STATISTICS", 6 },
  { "PACKET_COPY_THRESH", 7 },
  { "PACKET_AUXDATA", 8 },
  { "PACKET_ORIGDEV", 9 },
  { "PACKET_VERSION", 10 },
  { "PACKET_HDRLEN", 11 },
  { "PACKET_RESERVE", 12 },
  { "PACKET_TX_RING", 13 },
  { "PACKET_LOSS", 14 },
  { "PACKET_VNET_HDR", 15 },
  { "PACKET_TX_TIMESTAMP", 16 },
  { "PACKET_TIMESTAMP", 17 },
  { "PACKET_FANOUT", 18 },
  { "PACKET_TX_HAS_OFF", 19 },
  { "PACKET_QDISC_BYPASS", 20 },
  { "PACKET_ROLLOVER_STATS", 21 },
  { "PACKET_FANOUT_DATA", 22 },
  { "PACKET_IGNORE_OUTGOING", 23 },
  { "PACKET_VNET_HDR_SZ", 24, since = "6.4" },
}
