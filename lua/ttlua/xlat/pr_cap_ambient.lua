-- prctl(PR_CAP_AMBIENT) arg2
-- Names and their order: strace 6.1 (xlat/pr_cap_ambient.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/prctl.h" },
  unknown = "PR_CAP_AMBIENT_???",
  { "PR_CAP_AMBIENT_IS_SET", 1 },
  { "PR_CAP_AMBIENT_RAISE", 2 },
  { "PR_CAP_AMBIENT_LOWER", 3 },
  { "PR_CAP_AMBIENT_CLEAR_ALL", 4 },
}
