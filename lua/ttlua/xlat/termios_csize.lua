-- termios c_cflag & CSIZE
-- Names and their order: strace 6.1 (xlat/term_cflags_csize.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/termbits.h" },
  unknown = "CS?",
  { "CS5", 0 },
  { "CS6", 16 },
  { "CS7", 32 },
  { "CS8", 48 },
}
