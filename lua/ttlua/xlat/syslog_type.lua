-- syslog(2) type (SYSLOG_ACTION_* are kernel-internal names)
-- Names and their order: strace 6.1 (xlat/syslog_action_type.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = {},
  unknown = "SYSLOG_ACTION_???",
  base = 10,
  { "SYSLOG_ACTION_CLOSE", 0, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_OPEN", 1, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_READ", 2, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_READ_ALL", 3, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_READ_CLEAR", 4, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_CLEAR", 5, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_CONSOLE_OFF", 6, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_CONSOLE_ON", 7, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_CONSOLE_LEVEL", 8, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_SIZE_UNREAD", 9, nocheck = "not in the x86_64 userspace headers" },
  { "SYSLOG_ACTION_SIZE_BUFFER", 10, nocheck = "not in the x86_64 userspace headers" },
}
