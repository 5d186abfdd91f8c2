-- mmap(2) flags (MAP_TYPE bits are the mmap_type enum; MAP_HUGE_* size as N<<MAP_HUGE_SHIFT)
-- Names and their order: strace 6.1 (xlat/mmap_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/mman.h", "linux/mman.h" },
  bits = 64,
  low = { mask = 0xf, set = "mmap_type", raw = true },
  field = { mask = 0xfc000000, shift = 26, name = "MAP_HUGE_SHIFT" },
  { "MAP_SHARED", 0x1 },
  { "MAP_PRIVATE", 0x2 },
  { "MAP_SHARED_VALIDATE", 0x3 },
  { "MAP_DROPPABLE", 0x8, since = "6.11" },
  { "MAP_FIXED", 0x10 },
  { "MAP_ANONYMOUS", 0x20 },
  { "MAP_32BIT", 0x40 },
  { "MAP_ABOVE4G", 0x80, since = "6.6" },
  { "MAP_NORESERVE", 0x4000 },
  { "MAP_POPULATE", 0x8000 },
  { "MAP_NONBLOCK", 0x10000 },
  { "MAP_GROWSDOWN", 0x100 },
  { "MAP_DENYWRITE", 0x800 },
  { "MAP_EXECUTABLE", 0x1000 },
  { "MAP_FILE", 0x0 },
  { "MAP_LOCKED", 0x2000 },
  { "MAP_STACK", 0x20000 },
  { "MAP_HUGETLB", 0x40000 },
  { "MAP_SYNC", 0x80000 },
  { "MAP_UNINITIALIZED", 0x4000000 },
  { "MAP_FIXED_NOREPLACE", 0x100000 },
}
