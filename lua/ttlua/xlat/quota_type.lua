-- quotactl(2) type (cmd & 0xff)
-- Names and their order: strace 6.1 (xlat/quotatypes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/quota.h" },
  unknown = "???QUOTA",
  { "USRQUOTA", 0 },
  { "GRPQUOTA", 1 },
  { "PRJQUOTA", 2 },
}
