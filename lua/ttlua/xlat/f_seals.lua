-- F_ADD_SEALS / F_GET_SEALS
-- Names and their order: strace 6.1 (xlat/f_seals.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fcntl.h" },
  unknown = "F_SEAL_???",
  bits = 64,
  { "F_SEAL_SEAL", 0x1 },
  { "F_SEAL_SHRINK", 0x2 },
  { "F_SEAL_GROW", 0x4 },
  { "F_SEAL_WRITE", 0x8 },
  { "F_SEAL_FUTURE_WRITE", 0x10 },
  { "F_SEAL_EXEC", 0x20, since = "6.3" },
}
