-- rt_sigprocmask(2) how
-- Names and their order: strace 6.1 (xlat/sigprocmaskcmds.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/signal.h" },
  unknown = "SIG_???",
  { "SIG_BLOCK", 0 },
  { "SIG_UNBLOCK", 1 },
  { "SIG_SETMASK", 2 },
}
