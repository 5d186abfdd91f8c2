-- socket(2) type: SOCK_STREAM… (low 4 bits) then SOCK_NONBLOCK/SOCK_CLOEXEC
-- Names and their order: strace 6.1 (xlat/sock_type_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/socket.h" },
  unknown = "SOCK_???",
  low = { mask = 0xf, set = "sock_type_base", rest_unknown = true },
  { "SOCK_CLOEXEC", 0x80000 },
  { "SOCK_NONBLOCK", 0x800 },
}
