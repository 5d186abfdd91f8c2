-- si_code for SIGFPE
-- Names and their order: strace 6.1 (xlat/sigfpe_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "FPE_INTDIV", 1 },
  { "FPE_INTOVF", 2 },
  { "FPE_FLTDIV", 3 },
  { "FPE_FLTOVF", 4 },
  { "FPE_FLTUND", 5 },
  { "FPE_FLTRES", 6 },
  { "FPE_FLTINV", 7 },
  { "FPE_FLTSUB", 8 },
  { "__FPE_DECOVF", 9 },
  { "__FPE_DECDIV", 10 },
  { "__FPE_DECERR", 11 },
  { "__FPE_INVASC", 12 },
  { "__FPE_INVDEC", 13 },
  { "FPE_FLTUNK", 14 },
  { "FPE_CONDTRAP", 15 },
}
