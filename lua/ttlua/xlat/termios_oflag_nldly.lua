-- termios c_oflag NLDLY field
-- Names and their order: strace 6.1 (xlat/term_oflags_nldly.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/termbits.h" },
  unknown = "NL?",
  { "NL0", 0 },
  { "NL1", 256 },
}
