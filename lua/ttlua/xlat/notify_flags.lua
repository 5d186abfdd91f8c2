-- F_NOTIFY argument
-- Names and their order: strace 6.1 (xlat/notifyflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fcntl.h" },
  unknown = "DN_???",
  bits = 64,
  { "DN_ACCESS", 0x1 },
  { "DN_MODIFY", 0x2 },
  { "DN_CREATE", 0x4 },
  { "DN_DELETE", 0x8 },
  { "DN_RENAME", 0x10 },
  { "DN_ATTRIB", 0x20 },
  { "DN_MULTISHOT", 0x80000000 },
}
