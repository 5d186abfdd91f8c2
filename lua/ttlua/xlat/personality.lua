-- personality(2) persona: PER_* type (low byte) then flags
-- Names and their order: strace 6.1 (xlat/personality_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/personality.h" },
  low = { mask = 0xff, set = "personality_type", raw = true },
  exact = { [0xffffffff] = "0xffffffff" },
  { "UNAME26", 0x20000 },
  { "ADDR_NO_RANDOMIZE", 0x40000 },
  { "FDPIC_FUNCPTRS", 0x80000 },
  { "MMAP_PAGE_ZERO", 0x100000 },
  { "ADDR_COMPAT_LAYOUT", 0x200000 },
  { "READ_IMPLIES_EXEC", 0x400000 },
  { "ADDR_LIMIT_32BIT", 0x800000 },
  { "SHORT_INODE", 0x1000000 },
  { "WHOLE_SECONDS", 0x2000000 },
  { "STICKY_TIMEOUTS", 0x4000000 },
  { "ADDR_LIMIT_3GB", 0x8000000 },
}
