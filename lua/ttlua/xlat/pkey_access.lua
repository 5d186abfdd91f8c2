-- pkey_alloc(2) access rights
-- Names and their order: strace 6.1 (xlat/pkey_access.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/mman.h" },
  unknown = "PKEY_???",
  bits = 64,
  { "PKEY_UNRESTRICTED", 0x0, since = "6.15" },
  { "PKEY_DISABLE_ACCESS", 0x1 },
  { "PKEY_DISABLE_WRITE", 0x2 },
  { "PKEY_DISABLE_EXECUTE", 0x4, nocheck = "not in the x86_64 userspace headers" },
}
