-- struct iocb aio_flags
-- Names and their order: strace 6.1 (xlat/aio_iocb_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/aio_abi.h" },
  unknown = "IOCB_FLAG_???",
  { "IOCB_FLAG_RESFD", 0x1 },
  { "IOCB_FLAG_IOPRIO", 0x2 },
}
