-- msgctl(2) cmd without IPC_64
-- Names and their order: strace 6.1 (xlat/msgctl_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/msg.h", "sys/ipc.h" },
  unknown = "MSG_???",
  { "IPC_RMID", 0 },
  { "IPC_SET", 1 },
  { "IPC_STAT", 2 },
  { "IPC_INFO", 3 },
  { "MSG_STAT", 11 },
  { "MSG_INFO", 12 },
  { "MSG_STAT_ANY", 13 },
}
