-- siginfo si_code values that apply to any signal
-- Names and their order: strace 6.1 (xlat/siginfo_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "SI_USER", 0 },
  { "SI_KERNEL", 128 },
  { "SI_QUEUE", 0xffffffff },
  { "SI_TIMER", 0xfffffffe },
  { "SI_MESGQ", 0xfffffffd },
  { "SI_ASYNCIO", 0xfffffffc },
  { "SI_SIGIO", 0xfffffffb },
  { "SI_TKILL", 0xfffffffa },
  { "SI_DETHREAD", 0xfffffff9 },
  { "SI_ASYNCNL", 0xffffffc4 },
}
