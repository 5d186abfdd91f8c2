-- control message types at SOL_IP
-- Names and their order: strace 6.1 (xlat/ip_cmsg_types.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "netinet/in.h" },
  unknown = "IP_???",
  { "IP_TOS", 1 },
  { "IP_TTL", 2 },
  { "IP_RECVOPTS", 6 },
  { "IP_RETOPTS", 7 },
  { "IP_PKTINFO", 8 },
  { "IP_RECVERR", 11 },
  { "IP_ORIGDSTADDR", 20 },
  { "IP_CHECKSUM", 23 },
}
