-- futex2 flags & FUTEX2_SIZE_MASK
-- Names and their order: strace 6.1 (xlat/futex2_sizes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/futex.h" },
  { "FUTEX2_SIZE_U8", 0, since = "6.7" },
  { "FUTEX2_SIZE_U16", 1, since = "6.7" },
  { "FUTEX2_SIZE_U32", 2, since = "6.7" },
  { "FUTEX2_SIZE_U64", 3, since = "6.7" },
}
