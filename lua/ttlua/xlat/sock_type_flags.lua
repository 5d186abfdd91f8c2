-- socket(2)/accept4(2)/socketpair(2) type flags
-- Names and their order: strace 6.1 (xlat/sock_type_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/socket.h" },
  unknown = "SOCK_???",
  { "SOCK_CLOEXEC", 0x80000 },
  { "SOCK_NONBLOCK", 0x800 },
}
