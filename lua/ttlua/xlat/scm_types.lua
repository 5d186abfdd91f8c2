-- cmsg_type at SOL_SOCKET
-- Names and their order: strace 6.1 (xlat/scmvals.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/socket.h", "asm/socket.h" },
  unknown = "SCM_???",
  { "SCM_RIGHTS", 1 },
  { "SCM_CREDENTIALS", 2 },
  { "SCM_SECURITY", 3, nocheck = "not in the x86_64 userspace headers" },
  { "SCM_PIDFD", 4, since = "6.5" },
  { "SO_WIFI_STATUS", 41 },
  { "SO_TXTIME", 61 },
  { "SO_TIMESTAMP_OLD", 29 },
  { "SO_TIMESTAMPNS_OLD", 35 },
  { "SO_TIMESTAMPING_OLD", 37 },
  { "SO_TIMESTAMP_NEW", 63 },
  { "SO_TIMESTAMPNS_NEW", 64 },
  { "SO_TIMESTAMPING_NEW", 65 },
  { "SCM_TIMESTAMPING_OPT_STATS", 54 },
  { "SCM_TIMESTAMPING_PKTINFO", 58 },
  { "SCM_DEVMEM_LINEAR", 78, since = "6.12" },
  { "SCM_DEVMEM_DMABUF", 79, since = "6.12" },
  { "SCM_TS_OPT_ID", 81, since = "6.13" },
  { "SCM_INQ", 84, since = "6.17" },
}
