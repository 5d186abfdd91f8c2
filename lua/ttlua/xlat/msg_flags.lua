-- send/recv(2) flags
-- Names and their order: strace 6.1 (xlat/msg_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/socket.h", "sys/socket.h" },
  unknown = "MSG_???",
  { "MSG_OOB", 0x1 },
  { "MSG_PEEK", 0x2 },
  { "MSG_DONTROUTE", 0x4 },
  { "MSG_CTRUNC", 0x8 },
  { "MSG_PROBE", 0x10, nocheck = "not in the x86_64 userspace headers" },
  { "MSG_TRUNC", 0x20 },
  { "MSG_DONTWAIT", 0x40 },
  { "MSG_EOR", 0x80 },
  { "MSG_WAITALL", 0x100 },
  { "MSG_FIN", 0x200 },
  { "MSG_SYN", 0x400 },
  { "MSG_CONFIRM", 0x800 },
  { "MSG_RST", 0x1000 },
  { "MSG_ERRQUEUE", 0x2000 },
  { "MSG_NOSIGNAL", 0x4000 },
  { "MSG_MORE", 0x8000 },
  { "MSG_WAITFORONE", 0x10000 },
  { "MSG_SENDPAGE_NOTLAST", 0x20000, nocheck = "not in the x86_64 userspace headers" },
  { "MSG_BATCH", 0x40000 },
  { "MSG_NO_SHARED_FRAGS", 0x80000, nocheck = "not in the x86_64 userspace headers" },
  { "MSG_SOCK_DEVMEM", 0x2000000, since = "6.12" },
  { "MSG_ZEROCOPY", 0x4000000 },
  { "MSG_FASTOPEN", 0x20000000 },
  { "MSG_CMSG_CLOEXEC", 0x40000000 },
  { "MSG_CMSG_COMPAT", 0x80000000, nocheck = "not in the x86_64 userspace headers" },
}
