-- termios c_oflag FFDLY field
-- Names and their order: strace 6.1 (xlat/term_oflags_ffdly.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/termbits.h" },
  unknown = "FF?",
  { "FF0", 0 },
  { "FF1", 32768 },
}
