-- si_code for SIGSYS
-- Names and their order: strace 6.1 (xlat/sigsys_codes.in), newer names after it;
-- values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "SYS_SECCOMP", 1 },
  { "SYS_USER_DISPATCH", 2 },
}
