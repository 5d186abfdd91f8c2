-- landlock_restrict_self(2) flags
return {
  kind = "flags",
  headers = { "linux/landlock.h" },
  { "LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF", 0x1, since = "6.15" },
  { "LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON", 0x2, since = "6.15" },
  { "LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF", 0x4, since = "6.15" },
}
