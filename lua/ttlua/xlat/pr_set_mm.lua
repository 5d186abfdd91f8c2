-- prctl(PR_SET_MM) arg2
-- Names and their order: strace 6.1 (xlat/pr_set_mm.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/prctl.h" },
  unknown = "PR_SET_MM_???",
  { "PR_SET_MM_START_CODE", 1 },
  { "PR_SET_MM_END_CODE", 2 },
  { "PR_SET_MM_START_DATA", 3 },
  { "PR_SET_MM_END_DATA", 4 },
  { "PR_SET_MM_START_STACK", 5 },
  { "PR_SET_MM_START_BRK", 6 },
  { "PR_SET_MM_BRK", 7 },
  { "PR_SET_MM_ARG_START", 8 },
  { "PR_SET_MM_ARG_END", 9 },
  { "PR_SET_MM_ENV_START", 10 },
  { "PR_SET_MM_ENV_END", 11 },
  { "PR_SET_MM_AUXV", 12 },
  { "PR_SET_MM_EXE_FILE", 13 },
  { "PR_SET_MM_MAP", 14 },
  { "PR_SET_MM_MAP_SIZE", 15 },
}
