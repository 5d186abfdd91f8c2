-- fsconfig(2) cmd
-- Names and their order: strace 6.1 (xlat/fsconfig_cmds.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/mount.h" },
  unknown = "FSCONFIG_???",
  { "FSCONFIG_SET_FLAG", 0 },
  { "FSCONFIG_SET_STRING", 1 },
  { "FSCONFIG_SET_BINARY", 2 },
  { "FSCONFIG_SET_PATH", 3 },
  { "FSCONFIG_SET_PATH_EMPTY", 4 },
  { "FSCONFIG_SET_FD", 5 },
  { "FSCONFIG_CMD_CREATE", 6 },
  { "FSCONFIG_CMD_RECONFIGURE", 7 },
  { "FSCONFIG_CMD_CREATE_EXCL", 8, since = "6.6" },
}
