-- get_mempolicy(2) flags
-- Names and their order: strace 6.1 (xlat/get_mempolicy_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mempolicy.h" },
  unknown = "MPOL_???",
  bits = 64,
  { "MPOL_F_NODE", 0x1 },
  { "MPOL_F_ADDR", 0x2 },
  { "MPOL_F_MEMS_ALLOWED", 0x4 },
}
