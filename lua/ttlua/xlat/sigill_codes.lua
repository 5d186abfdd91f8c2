-- si_code for SIGILL
-- Names and their order: strace 6.1 (xlat/sigill_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "ILL_ILLOPC", 1 },
  { "ILL_ILLOPN", 2 },
  { "ILL_ILLADR", 3 },
  { "ILL_ILLTRP", 4 },
  { "ILL_PRVOPC", 5 },
  { "ILL_PRVREG", 6 },
  { "ILL_COPROC", 7 },
  { "ILL_BADSTK", 8 },
  { "ILL_BADIADDR", 9 },
  { "__ILL_BREAK", 10 },
  { "__ILL_BNDMOD", 11 },
}
