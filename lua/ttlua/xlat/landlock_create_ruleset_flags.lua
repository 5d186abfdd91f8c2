-- landlock_create_ruleset(2) flags
-- Names and their order: strace 6.1 (xlat/landlock_create_ruleset_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/landlock.h" },
  unknown = "LANDLOCK_CREATE_RULESET_???",
  { "LANDLOCK_CREATE_RULESET_VERSION", 0x1 },
  { "LANDLOCK_CREATE_RULESET_ERRATA", 0x2, since = "6.15" },
}
