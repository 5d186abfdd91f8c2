-- shmctl(2) cmd without IPC_64
-- Names and their order: strace 6.1 (xlat/shmctl_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/shm.h", "sys/ipc.h" },
  unknown = "SHM_???",
  { "IPC_RMID", 0 },
  { "IPC_SET", 1 },
  { "IPC_STAT", 2 },
  { "IPC_INFO", 3 },
  { "SHM_LOCK", 11 },
  { "SHM_UNLOCK", 12 },
  { "SHM_STAT", 13 },
  { "SHM_INFO", 14 },
  { "SHM_STAT_ANY", 15 },
}
