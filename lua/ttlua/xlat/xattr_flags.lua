-- setxattr(2) flags
-- Names and their order: strace 6.1 (xlat/xattrflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/xattr.h" },
  unknown = "XATTR_???",
  { "XATTR_CREATE", 0x1 },
  { "XATTR_REPLACE", 0x2 },
}
