-- prctl(PR_SET_SECCOMP) mode
-- Names and their order: strace 6.1 (xlat/seccomp_mode.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/seccomp.h" },
  unknown = "SECCOMP_MODE_???",
  { "SECCOMP_MODE_DISABLED", 0 },
  { "SECCOMP_MODE_STRICT", 1 },
  { "SECCOMP_MODE_FILTER", 2 },
}
