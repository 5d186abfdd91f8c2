-- membarrier(2) cmd
-- Names and their order: strace 6.1 (xlat/membarrier_cmds.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/membarrier.h" },
  unknown = "MEMBARRIER_CMD_???",
  { "MEMBARRIER_CMD_QUERY", 0 },
  { "MEMBARRIER_CMD_GLOBAL", 1 },
  { "MEMBARRIER_CMD_GLOBAL_EXPEDITED", 2 },
  { "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED", 4 },
  { "MEMBARRIER_CMD_PRIVATE_EXPEDITED", 8 },
  { "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED", 16 },
  { "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE", 32 },
  { "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE", 64 },
  { "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ", 128 },
  { "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ", 256 },
  { "MEMBARRIER_CMD_GET_REGISTRATIONS", 512, since = "6.2+" },
}
