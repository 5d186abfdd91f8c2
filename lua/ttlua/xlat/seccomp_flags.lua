-- seccomp(2) flags for SECCOMP_SET_MODE_FILTER
-- Names and their order: strace 6.1 (xlat/seccomp_filter_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/seccomp.h" },
  unknown = "SECCOMP_FILTER_FLAG_???",
  { "SECCOMP_FILTER_FLAG_TSYNC", 0x1 },
  { "SECCOMP_FILTER_FLAG_LOG", 0x2 },
  { "SECCOMP_FILTER_FLAG_SPEC_ALLOW", 0x4 },
  { "SECCOMP_FILTER_FLAG_NEW_LISTENER", 0x8 },
  { "SECCOMP_FILTER_FLAG_TSYNC_ESRCH", 0x10 },
  { "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV", 0x20 },
}
