-- termios c_oflag BSDLY field
-- Names and their order: strace 6.1 (xlat/term_oflags_bsdly.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/termbits.h" },
  unknown = "BS?",
  { "BS1", 8192 },
  { "BS0", 0 },
}
