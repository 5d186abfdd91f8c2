-- rseq(2) flags
-- Names and their order: strace 6.1 (xlat/rseq_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/rseq.h" },
  unknown = "RSEQ_FLAG_???",
  { "RSEQ_FLAG_UNREGISTER", 0x1 },
  { "RSEQ_FLAG_SLICE_EXT_DEFAULT_ON", 0x2, since = "6.2+" },
}
