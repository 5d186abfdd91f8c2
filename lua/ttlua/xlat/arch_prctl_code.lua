-- arch_prctl(2) code
-- Names and their order: strace 6.1 (xlat/archvals.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/prctl.h" },
  unknown = "ARCH_???",
  { "ARCH_SET_GS", 4097 },
  { "ARCH_SET_FS", 4098 },
  { "ARCH_GET_FS", 4099 },
  { "ARCH_GET_GS", 4100 },
  { "ARCH_GET_CPUID", 4113 },
  { "ARCH_SET_CPUID", 4114 },
  { "ARCH_GET_XCOMP_SUPP", 4129 },
  { "ARCH_GET_XCOMP_PERM", 4130 },
  { "ARCH_REQ_XCOMP_PERM", 4131 },
  { "ARCH_GET_XCOMP_GUEST_PERM", 4132 },
  { "ARCH_REQ_XCOMP_GUEST_PERM", 4133 },
  { "ARCH_MAP_VDSO_X32", 8193 },
  { "ARCH_MAP_VDSO_32", 8194 },
  { "ARCH_MAP_VDSO_64", 8195 },
  { "ARCH_GET_UNTAG_MASK", 16385, since = "6.6" },
  { "ARCH_ENABLE_TAGGED_ADDR", 16386, since = "6.6" },
  { "ARCH_GET_MAX_TAG_BITS", 16387, since = "6.6" },
  { "ARCH_FORCE_TAGGED_SVA", 16388, since = "6.6" },
  { "ARCH_SHSTK_ENABLE", 20481, since = "6.6" },
  { "ARCH_SHSTK_DISABLE", 20482, since = "6.6" },
  { "ARCH_SHSTK_LOCK", 20483, since = "6.6" },
  { "ARCH_SHSTK_UNLOCK", 20484, since = "6.6" },
  { "ARCH_SHSTK_STATUS", 20485, since = "6.6" },
}
