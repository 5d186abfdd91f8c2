-- si_code for SIGSYS
-- Names and their order: strace 6.1 (xlat/sigsys_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "SYS_SECCOMP", 1 },
  { "SYS_USER_DISPATCH", 2 },
}
