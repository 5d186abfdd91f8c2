-- waitid(2) idtype
-- Names and their order: strace 6.1 (xlat/waitid_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/wait.h" },
  unknown = "P_???",
  { "P_ALL", 0 },
  { "P_PID", 1 },
  { "P_PGID", 2 },
  { "P_PIDFD", 3 },
}
