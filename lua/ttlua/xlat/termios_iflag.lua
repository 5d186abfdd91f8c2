-- termios c_iflag
-- Names and their order: strace 6.1 (xlat/term_iflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/termbits.h" },
  bits = 64,
  { "IGNBRK", 0x1 },
  { "BRKINT", 0x2 },
  { "IGNPAR", 0x4 },
  { "PARMRK", 0x8 },
  { "INPCK", 0x10 },
  { "ISTRIP", 0x20 },
  { "INLCR", 0x40 },
  { "IGNCR", 0x80 },
  { "ICRNL", 0x100 },
  { "IUCLC", 0x200 },
  { "IXON", 0x400 },
  { "IXANY", 0x800 },
  { "IXOFF", 0x1000 },
  { "IMAXBEL", 0x2000 },
  { "IUTF8", 0x4000 },
}
