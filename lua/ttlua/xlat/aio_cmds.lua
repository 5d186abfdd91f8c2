-- struct iocb aio_lio_opcode
-- Names and their order: strace 6.1 (xlat/aio_cmds.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/aio_abi.h" },
  unknown = "IOCB_CMD_???",
  { "IOCB_CMD_PREAD", 0, nocheck = "not in the x86_64 userspace headers" },
  { "IOCB_CMD_PWRITE", 1, nocheck = "not in the x86_64 userspace headers" },
  { "IOCB_CMD_FSYNC", 2, nocheck = "not in the x86_64 userspace headers" },
  { "IOCB_CMD_FDSYNC", 3, nocheck = "not in the x86_64 userspace headers" },
  { "IOCB_CMD_PREADX", 4, nocheck = "not in the x86_64 userspace headers" },
  { "IOCB_CMD_POLL", 5, nocheck = "not in the x86_64 userspace headers" },
  { "IOCB_CMD_NOOP", 6, nocheck = "not in the x86_64 userspace headers" },
  { "IOCB_CMD_PREADV", 7, nocheck = "not in the x86_64 userspace headers" },
  { "IOCB_CMD_PWRITEV", 8, nocheck = "not in the x86_64 userspace headers" },
}
