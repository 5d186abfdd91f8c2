-- landlock_add_rule(2) rule_type
-- Names and their order: strace 6.1 (xlat/landlock_rule_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/landlock.h" },
  unknown = "LANDLOCK_RULE_???",
  { "LANDLOCK_RULE_PATH_BENEATH", 1 },
  { "LANDLOCK_RULE_NET_PORT", 2, since = "6.7" },
}
