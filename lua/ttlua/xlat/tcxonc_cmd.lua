-- TCXONC argument
-- Names and their order: strace 6.1 (xlat/tcxonc_options.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "termios.h" },
  unknown = "TC???",
  { "TCOOFF", 0 },
  { "TCOON", 1 },
  { "TCIOFF", 2 },
  { "TCION", 3 },
}
