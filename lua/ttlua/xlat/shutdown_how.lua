-- shutdown(2) how
-- Names and their order: strace 6.1 (xlat/shutdown_modes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/socket.h" },
  unknown = "SHUT_???",
  { "SHUT_RD", 0 },
  { "SHUT_WR", 1 },
  { "SHUT_RDWR", 2 },
}
