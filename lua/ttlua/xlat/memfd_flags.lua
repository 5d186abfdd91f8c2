-- memfd_create(2) flags (hugetlb size as N<<MFD_HUGE_SHIFT)
-- Names and their order: strace 6.1 (xlat/memfd_create_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/memfd.h" },
  unknown = "MFD_???",
  field = { mask = 0xfc000000, shift = 26, name = "MFD_HUGE_SHIFT" },
  { "MFD_CLOEXEC", 0x1 },
  { "MFD_ALLOW_SEALING", 0x2 },
  { "MFD_HUGETLB", 0x4 },
  { "MFD_NOEXEC_SEAL", 0x8, since = "6.3" },
  { "MFD_EXEC", 0x10, since = "6.3" },
}
