-- termios c_cflag (CBAUD, CSIZE are fields)
-- Names and their order: strace 6.1 (xlat/term_cflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/termbits.h" },
  bits = 64,
  { "CSTOPB", 0x40 },
  { "CREAD", 0x80 },
  { "PARENB", 0x100 },
  { "PARODD", 0x200 },
  { "HUPCL", 0x400 },
  { "CLOCAL", 0x800 },
  { "CMSPAR", 0x40000000 },
  { "CRTSCTS", 0x80000000 },
}
