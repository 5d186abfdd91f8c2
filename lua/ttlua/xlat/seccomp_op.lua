-- seccomp(2) operation
-- Names and their order: strace 6.1 (xlat/seccomp_ops.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/seccomp.h" },
  unknown = "SECCOMP_SET_MODE_???",
  { "SECCOMP_SET_MODE_STRICT", 0 },
  { "SECCOMP_SET_MODE_FILTER", 1 },
  { "SECCOMP_GET_ACTION_AVAIL", 2 },
  { "SECCOMP_GET_NOTIF_SIZES", 3 },
}
