-- lsm_get_self_attr(2) flags
-- Names and their order: strace 6.1 (xlat/lsm_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/lsm.h" },
  unknown = "LSM_FLAG_???",
  { "LSM_FLAG_SINGLE", 0x1, since = "6.8" },
}
