-- msync(2) flags
-- Names and their order: strace 6.1 (xlat/mctl_sync.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/mman.h" },
  unknown = "MS_???",
  { "MS_SYNC", 0x4 },
  { "MS_ASYNC", 0x1 },
  { "MS_INVALIDATE", 0x2 },
}
