-- termios c_oflag (delay fields are separate: termios_oflag_*dly)
-- Names and their order: strace 6.1 (xlat/term_oflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/termbits.h" },
  bits = 64,
  { "OPOST", 0x1 },
  { "OLCUC", 0x2 },
  { "ONLCR", 0x4 },
  { "OCRNL", 0x8 },
  { "ONOCR", 0x10 },
  { "ONLRET", 0x20 },
  { "OFILL", 0x40 },
  { "OFDEL", 0x80 },
}
