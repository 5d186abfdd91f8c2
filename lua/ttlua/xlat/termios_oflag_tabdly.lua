-- termios c_oflag TABDLY field (XTABS is TAB3 on x86_64)
-- Names and their order: strace 6.1 (xlat/term_oflags_tabdly.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/termbits.h" },
  unknown = "TAB?",
  { "TAB0", 0 },
  { "TAB1", 2048 },
  { "TAB2", 4096 },
  { "TAB3", 6144 },
}
