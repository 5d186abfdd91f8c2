-- socketcall(2) call (i386)
-- Names and their order: strace 6.1 (xlat/socketcalls.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/net.h" },
  base = 10,
  { "SYS_SOCKET", 1 },
  { "SYS_BIND", 2 },
  { "SYS_CONNECT", 3 },
  { "SYS_LISTEN", 4 },
  { "SYS_ACCEPT", 5 },
  { "SYS_GETSOCKNAME", 6 },
  { "SYS_GETPEERNAME", 7 },
  { "SYS_SOCKETPAIR", 8 },
  { "SYS_SEND", 9 },
  { "SYS_RECV", 10 },
  { "SYS_SENDTO", 11 },
  { "SYS_RECVFROM", 12 },
  { "SYS_SHUTDOWN", 13 },
  { "SYS_SETSOCKOPT", 14 },
  { "SYS_GETSOCKOPT", 15 },
  { "SYS_SENDMSG", 16 },
  { "SYS_RECVMSG", 17 },
  { "SYS_ACCEPT4", 18 },
  { "SYS_RECVMMSG", 19 },
  { "SYS_SENDMMSG", 20 },
}
