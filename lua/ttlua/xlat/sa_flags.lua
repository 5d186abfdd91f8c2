-- struct sigaction sa_flags (kernel values, asm/signal.h)
-- Names and their order: strace 6.1 (xlat/sigact_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/signal.h" },
  unknown = "SA_???",
  bits = 64,
  { "SA_RESTORER", 0x4000000 },
  { "SA_ONSTACK", 0x8000000 },
  { "SA_RESTART", 0x10000000 },
  { "SA_INTERRUPT", 0x20000000, nocheck = "glibc <signal.h> defines it (a no-op flag), asm/signal.h does not" },
  { "SA_NODEFER", 0x40000000 },
  { "SA_RESETHAND", 0x80000000 },
  { "SA_SIGINFO", 0x4 },
  { "SA_NOCLDSTOP", 0x1 },
  { "SA_NOCLDWAIT", 0x2 },
}
