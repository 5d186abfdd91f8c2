-- query_module(2) which
-- Names and their order: the kernel headers; values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = {  },
  { "QM_MODULES", 1, nocheck = "not in the x86_64 userspace headers" },
  { "QM_DEPS", 2, nocheck = "not in the x86_64 userspace headers" },
  { "QM_REFS", 3, nocheck = "not in the x86_64 userspace headers" },
  { "QM_SYMBOLS", 4, nocheck = "not in the x86_64 userspace headers" },
  { "QM_INFO", 5, nocheck = "not in the x86_64 userspace headers" },
}
