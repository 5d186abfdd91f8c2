-- stack_t ss_flags
-- Names and their order: strace 6.1 (xlat/sigaltstack_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/signal.h" },
  unknown = "SS_???",
  { "SS_ONSTACK", 0x1 },
  { "SS_DISABLE", 0x2 },
  { "SS_AUTODISARM", 0x80000000 },
}
