-- si_code for SIGTRAP
-- Names and their order: strace 6.1 (xlat/sigtrap_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "TRAP_BRKPT", 1 },
  { "TRAP_TRACE", 2 },
  { "TRAP_BRANCH", 3 },
  { "TRAP_HWBKPT", 4 },
  { "TRAP_UNK", 5 },
  { "TRAP_PERF", 6 },
}
