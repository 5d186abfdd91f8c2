-- access(2)/faccessat(2) mode
-- Names and their order: strace 6.1 (xlat/access_modes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "unistd.h" },
  unknown = "?_OK",
  { "F_OK", 0x0 },
  { "R_OK", 0x4 },
  { "W_OK", 0x2 },
  { "X_OK", 0x1 },
}
