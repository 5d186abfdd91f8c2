-- struct io_uring_params flags
-- Names and their order: strace 6.1 (xlat/uring_setup_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/io_uring.h" },
  unknown = "IORING_SETUP_???",
  { "IORING_SETUP_IOPOLL", 0x1 },
  { "IORING_SETUP_SQPOLL", 0x2 },
  { "IORING_SETUP_SQ_AFF", 0x4 },
  { "IORING_SETUP_CQSIZE", 0x8 },
  { "IORING_SETUP_CLAMP", 0x10 },
  { "IORING_SETUP_ATTACH_WQ", 0x20 },
  { "IORING_SETUP_R_DISABLED", 0x40 },
  { "IORING_SETUP_SUBMIT_ALL", 0x80 },
  { "IORING_SETUP_COOP_TASKRUN", 0x100 },
  { "IORING_SETUP_TASKRUN_FLAG", 0x200 },
  { "IORING_SETUP_SQE128", 0x400 },
  { "IORING_SETUP_CQE32", 0x800 },
  { "IORING_SETUP_SINGLE_ISSUER", 0x1000 },
  { "IORING_SETUP_DEFER_TASKRUN", 0x2000 },
  { "IORING_SETUP_NO_MMAP", 0x4000, since = "6.5" },
  { "IORING_SETUP_REGISTERED_FD_ONLY", 0x8000, since = "6.5" },
  { "IORING_SETUP_NO_SQARRAY", 0x10000, since = "6.6" },
  { "IORING_SETUP_HYBRID_IOPOLL", 0x20000, since = "6.13" },
  { "IORING_SETUP_CQE_MIXED", 0x40000, since = "6.18" },
  { "IORING_SETUP_SQE_MIXED", 0x80000, since = "6.19" },
  { "IORING_SETUP_SQ_REWIND", 0x100000, since = "7.0" },
}
