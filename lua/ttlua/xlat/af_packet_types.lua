-- sockaddr_ll sll_pkttype
-- Names and their order: strace 6.1 (xlat/af_packet_types.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/if_packet.h" },
  unknown = "PACKET_???",
  { "PACKET_HOST", 0 },
  { "PACKET_BROADCAST", 1 },
  { "PACKET_MULTICAST", 2 },
  { "PACKET_OTHERHOST", 3 },
  { "PACKET_OUTGOING", 4 },
  { "PACKET_LOOPBACK", 5 },
  { "PACKET_USER", 6 },
  { "PACKET_KERNEL", 7 },
}
