-- mmap(2) flags & MAP_TYPE (0xf), printed first
return {
  kind = "enum",
  headers = { "sys/mman.h", "linux/mman.h" },
  unknown = "MAP_???",
  { "MAP_FILE", 0 },
  { "MAP_SHARED", 1 },
  { "MAP_PRIVATE", 2 },
  { "MAP_SHARED_VALIDATE", 3 },
  { "MAP_DROPPABLE", 8, since = "6.11" },
}
