-- accept4(2) flags
-- Names and their order: strace 6.1 (xlat/sock_type_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/socket.h" },
  unknown = "SOCK_???",
  { "SOCK_CLOEXEC", 0x80000 },
  { "SOCK_NONBLOCK", 0x800 },
}
