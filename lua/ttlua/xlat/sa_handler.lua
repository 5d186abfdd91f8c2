-- special sa_handler values
-- Names and their order: strace 6.1 (xlat/sa_handler_values.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/signal.h" },
  { "SIG_ERR", -0x1 },
  { "SIG_DFL", 0 },
  { "SIG_IGN", 1 },
}
