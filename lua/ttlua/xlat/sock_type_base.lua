-- socket(2) type & 0xf
-- Names and their order: strace 6.1 (xlat/socktypes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/socket.h" },
  unknown = "SOCK_???",
  { "SOCK_STREAM", 1 },
  { "SOCK_DGRAM", 2 },
  { "SOCK_RAW", 3 },
  { "SOCK_RDM", 4 },
  { "SOCK_SEQPACKET", 5 },
  { "SOCK_DCCP", 6 },
  { "SOCK_PACKET", 10 },
}
