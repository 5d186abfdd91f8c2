-- mbind(2) flags
-- Names and their order: strace 6.1 (xlat/mbind_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mempolicy.h" },
  unknown = "MPOL_???",
  { "MPOL_MF_STRICT", 0x1 },
  { "MPOL_MF_MOVE", 0x2 },
  { "MPOL_MF_MOVE_ALL", 0x4 },
}
