-- termios c_lflag
-- Names and their order: strace 6.1 (xlat/term_lflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/termbits.h" },
  bits = 64,
  { "ISIG", 0x1 },
  { "ICANON", 0x2 },
  { "XCASE", 0x4 },
  { "ECHO", 0x8 },
  { "ECHOE", 0x10 },
  { "ECHOK", 0x20 },
  { "ECHONL", 0x40 },
  { "NOFLSH", 0x80 },
  { "IEXTEN", 0x8000 },
  { "ECHOCTL", 0x200 },
  { "ECHOPRT", 0x400 },
  { "ECHOKE", 0x800 },
  { "FLUSHO", 0x1000 },
  { "PENDIN", 0x4000 },
  { "TOSTOP", 0x100 },
  { "EXTPROC", 0x10000 },
}
