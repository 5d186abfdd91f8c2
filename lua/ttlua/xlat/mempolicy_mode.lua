-- set_mempolicy(2)/mbind(2) mode: MPOL_* mode then MPOL_F_* flags
-- Names and their order: strace 6.1 (xlat/mpol_mode_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mempolicy.h" },
  unknown = "MPOL_???",
  bits = 64,
  low = { mask = 0xffff1fff, set = "mempolicy_base" },
  { "MPOL_F_STATIC_NODES", 0x8000 },
  { "MPOL_F_RELATIVE_NODES", 0x4000 },
  { "MPOL_F_NUMA_BALANCING", 0x2000 },
}
