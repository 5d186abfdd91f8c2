-- si_code for SIGBUS
-- Names and their order: strace 6.1 (xlat/sigbus_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "BUS_ADRALN", 1 },
  { "BUS_ADRERR", 2 },
  { "BUS_OBJERR", 3 },
  { "BUS_MCEERR_AR", 4 },
  { "BUS_MCEERR_AO", 5 },
}
