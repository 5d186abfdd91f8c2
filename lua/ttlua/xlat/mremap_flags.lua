-- mremap(2) flags
-- Names and their order: strace 6.1 (xlat/mremap_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mman.h" },
  unknown = "MREMAP_???",
  bits = 64,
  { "MREMAP_MAYMOVE", 0x1 },
  { "MREMAP_FIXED", 0x2 },
  { "MREMAP_DONTUNMAP", 0x4 },
}
