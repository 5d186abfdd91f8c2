-- set-id and sticky bits (strace prints a numeric mode as octal, 04755)
return {
  kind = "flags",
  headers = { "sys/stat.h" },
  special = "umode",
  { "S_ISUID", 0x800 },
  { "S_ISGID", 0x400 },
  { "S_ISVTX", 0x200 },
}
