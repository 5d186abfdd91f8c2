-- semctl(2) cmd without IPC_64
-- Names and their order: strace 6.1 (xlat/semctl_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/sem.h", "sys/ipc.h" },
  unknown = "SEM_???",
  { "IPC_RMID", 0 },
  { "IPC_SET", 1 },
  { "IPC_STAT", 2 },
  { "IPC_INFO", 3 },
  { "GETPID", 11 },
  { "GETVAL", 12 },
  { "GETALL", 13 },
  { "GETNCNT", 14 },
  { "GETZCNT", 15 },
  { "SETVAL", 16 },
  { "SETALL", 17 },
  { "SEM_STAT", 18 },
  { "SEM_INFO", 19 },
  { "SEM_STAT_ANY", 20 },
}
