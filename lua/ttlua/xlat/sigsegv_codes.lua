-- si_code for SIGSEGV
-- Names and their order: strace 6.1 (xlat/sigsegv_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "SEGV_MAPERR", 1 },
  { "SEGV_ACCERR", 2 },
  { "SEGV_BNDERR", 3 },
  { "SEGV_PKUERR", 4 },
  { "SEGV_ACCADI", 5 },
  { "SEGV_ADIDERR", 6 },
  { "SEGV_ADIPERR", 7 },
  { "SEGV_MTEAERR", 8 },
  { "SEGV_MTESERR", 9 },
  { "SEGV_CPERR", 10, since = "6.6" },
}
