-- futex_waitv/futex_wake/futex_wait flags: FUTEX2_SIZE_* then flags
-- Names and their order: strace 6.1 (xlat/futex2_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/futex.h" },
  low = { mask = 3, set = "futex2_size", raw = true },
  { "FUTEX2_NUMA", 0x4, since = "6.7" },
  { "FUTEX2_MPOL", 0x8, since = "6.16" },
  { "FUTEX2_PRIVATE", 0x80, since = "6.7" },
}
