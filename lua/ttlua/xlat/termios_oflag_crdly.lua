-- termios c_oflag CRDLY field
-- Names and their order: strace 6.1 (xlat/term_oflags_crdly.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/termbits.h" },
  unknown = "CR?",
  { "CR0", 0 },
  { "CR1", 512 },
  { "CR2", 1024 },
  { "CR3", 1536 },
}
