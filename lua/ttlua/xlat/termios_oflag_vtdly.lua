-- termios c_oflag VTDLY field
-- Names and their order: strace 6.1 (xlat/term_oflags_vtdly.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/termbits.h" },
  unknown = "VT?",
  { "VT0", 0 },
  { "VT1", 16384 },
}
