-- swapon(2) flags (priority in the low 15 bits, printed as a number)
-- Names and their order: strace 6.1 (xlat/swap_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/swap.h" },
  unknown = "SWAP_FLAG_???",
  field = { mask = 0x7fff, shift = 0, always = true },
  { "SWAP_FLAG_PREFER", 0x8000 },
  { "SWAP_FLAG_DISCARD", 0x10000 },
  { "SWAP_FLAG_DISCARD_ONCE", 0x20000, nocheck = "not in the x86_64 userspace headers" },
  { "SWAP_FLAG_DISCARD_PAGES", 0x40000, nocheck = "not in the x86_64 userspace headers" },
}
