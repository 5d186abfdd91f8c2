-- query_module(2) which (removed in Linux 2.6; no header)
return {
  kind = "enum",
  headers = {},
  base = 10,
  { "QM_MODULES", 1, nocheck = "removed in Linux 2.6, in no header" },
  { "QM_DEPS", 2, nocheck = "removed in Linux 2.6, in no header" },
  { "QM_REFS", 3, nocheck = "removed in Linux 2.6, in no header" },
  { "QM_SYMBOLS", 4, nocheck = "removed in Linux 2.6, in no header" },
  { "QM_INFO", 5, nocheck = "removed in Linux 2.6, in no header" },
}
