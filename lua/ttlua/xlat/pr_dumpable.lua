-- prctl(PR_SET_DUMPABLE) arg2
-- Names and their order: strace 6.1 (xlat/pr_dumpable.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = {},
  unknown = "SUID_DUMP_???",
  { "SUID_DUMP_DISABLE", 0, nocheck = "not in the x86_64 userspace headers" },
  { "SUID_DUMP_USER", 1, nocheck = "not in the x86_64 userspace headers" },
  { "SUID_DUMP_ROOT", 2, nocheck = "not in the x86_64 userspace headers" },
}
