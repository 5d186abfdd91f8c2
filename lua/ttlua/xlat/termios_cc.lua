-- termios c_cc indices (printed only with -v)
-- Names and their order: strace 6.1 (xlat/termios_cc.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/termbits.h" },
  { "VINTR", 0 },
  { "VQUIT", 1 },
  { "VERASE", 2 },
  { "VKILL", 3 },
  { "VEOL2", 16 },
  { "VSWTC", 7 },
  { "VSTART", 8 },
  { "VSTOP", 9 },
  { "VSUSP", 10 },
  { "VREPRINT", 12 },
  { "VDISCARD", 13 },
  { "VWERASE", 14 },
  { "VLNEXT", 15 },
  { "VMIN", 6 },
  { "VTIME", 5 },
  { "VEOF", 4 },
  { "VEOL", 11 },
}
