-- prctl(PR_SET_VMA) arg2
-- Names and their order: strace 6.1 (xlat/pr_set_vma.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/prctl.h" },
  unknown = "PR_SET_VMA_???",
  { "PR_SET_VMA_ANON_NAME", 0 },
}
