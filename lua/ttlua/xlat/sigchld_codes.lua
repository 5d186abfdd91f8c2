-- si_code for SIGCHLD
-- Names and their order: strace 6.1 (xlat/sigchld_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "CLD_EXITED", 1 },
  { "CLD_KILLED", 2 },
  { "CLD_DUMPED", 3 },
  { "CLD_TRAPPED", 4 },
  { "CLD_STOPPED", 5 },
  { "CLD_CONTINUED", 6 },
}
