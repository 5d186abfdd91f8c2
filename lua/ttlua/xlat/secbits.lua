-- prctl(PR_SET_SECUREBITS) bits
-- Names and their order: strace 6.1 (xlat/secbits.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/securebits.h" },
  unknown = "SECBIT_???",
  bits = 64,
  { "SECBIT_NOROOT", 0x1 },
  { "SECBIT_NOROOT_LOCKED", 0x2 },
  { "SECBIT_NO_SETUID_FIXUP", 0x4 },
  { "SECBIT_NO_SETUID_FIXUP_LOCKED", 0x8 },
  { "SECBIT_KEEP_CAPS", 0x10 },
  { "SECBIT_KEEP_CAPS_LOCKED", 0x20 },
  { "SECBIT_NO_CAP_AMBIENT_RAISE", 0x40 },
  { "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED", 0x80 },
  { "SECBIT_EXEC_RESTRICT_FILE", 0x100, since = "6.14" },
  { "SECBIT_EXEC_RESTRICT_FILE_LOCKED", 0x200, since = "6.14" },
  { "SECBIT_EXEC_DENY_INTERACTIVE", 0x400, since = "6.14" },
  { "SECBIT_EXEC_DENY_INTERACTIVE_LOCKED", 0x800, since = "6.14" },
}
