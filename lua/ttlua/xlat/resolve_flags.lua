-- struct open_how resolve
-- Names and their order: strace 6.1 (xlat/open_resolve_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/openat2.h" },
  unknown = "RESOLVE_???",
  { "RESOLVE_NO_XDEV", 0x1 },
  { "RESOLVE_NO_MAGICLINKS", 0x2 },
  { "RESOLVE_NO_SYMLINKS", 0x4 },
  { "RESOLVE_BENEATH", 0x8 },
  { "RESOLVE_IN_ROOT", 0x10 },
  { "RESOLVE_CACHED", 0x20 },
}
