-- membarrier(2) flags
-- Names and their order: strace 6.1 (xlat/membarrier_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/membarrier.h" },
  unknown = "MEMBARRIER_CMD_FLAG_???",
  { "MEMBARRIER_CMD_FLAG_CPU", 0x1 },
}
