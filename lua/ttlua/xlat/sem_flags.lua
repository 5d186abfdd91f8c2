-- struct sembuf sem_flg
-- Names and their order: strace 6.1 (xlat/semop_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/sem.h", "sys/ipc.h" },
  unknown = "SEM_???",
  { "SEM_UNDO", 0x1000 },
  { "IPC_NOWAIT", 0x800 },
}
