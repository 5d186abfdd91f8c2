-- io_uring_params features
-- Names and their order: strace 6.1 (xlat/uring_setup_features.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/io_uring.h" },
  unknown = "IORING_FEAT_???",
  { "IORING_FEAT_SINGLE_MMAP", 0x1 },
  { "IORING_FEAT_NODROP", 0x2 },
  { "IORING_FEAT_SUBMIT_STABLE", 0x4 },
  { "IORING_FEAT_RW_CUR_POS", 0x8 },
  { "IORING_FEAT_CUR_PERSONALITY", 0x10 },
  { "IORING_FEAT_FAST_POLL", 0x20 },
  { "IORING_FEAT_POLL_32BITS", 0x40 },
  { "IORING_FEAT_SQPOLL_NONFIXED", 0x80 },
  { "IORING_FEAT_EXT_ARG", 0x100 },
  { "IORING_FEAT_NATIVE_WORKERS", 0x200 },
  { "IORING_FEAT_RSRC_TAGS", 0x400 },
  { "IORING_FEAT_CQE_SKIP", 0x800 },
  { "IORING_FEAT_LINKED_FILE", 0x1000 },
}
