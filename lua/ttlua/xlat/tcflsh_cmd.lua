-- TCFLSH argument
-- Names and their order: strace 6.1 (xlat/tcflsh_options.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "termios.h" },
  unknown = "TC???FLUSH",
  { "TCIFLUSH", 0 },
  { "TCOFLUSH", 1 },
  { "TCIOFLUSH", 2 },
}
