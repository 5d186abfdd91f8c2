-- System V IPC control commands common to msgctl/semctl/shmctl
return {
  kind = "enum",
  headers = { "sys/ipc.h" },
  unknown = "IPC_???",
  { "IPC_RMID", 0 },
  { "IPC_SET", 1 },
  { "IPC_STAT", 2 },
  { "IPC_INFO", 3 },
}
