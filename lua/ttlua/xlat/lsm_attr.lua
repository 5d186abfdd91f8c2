-- lsm_get_self_attr(2)/lsm_set_self_attr(2) attr
-- Names and their order: strace 6.1 (xlat/lsm_attrs.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/lsm.h" },
  unknown = "LSM_ATTR_???",
  { "LSM_ATTR_UNDEF", 0, since = "6.8" },
  { "LSM_ATTR_CURRENT", 100, since = "6.8" },
  { "LSM_ATTR_EXEC", 101, since = "6.8" },
  { "LSM_ATTR_FSCREATE", 102, since = "6.8" },
  { "LSM_ATTR_KEYCREATE", 103, since = "6.8" },
  { "LSM_ATTR_PREV", 104, since = "6.8" },
  { "LSM_ATTR_SOCKCREATE", 105, since = "6.8" },
}
