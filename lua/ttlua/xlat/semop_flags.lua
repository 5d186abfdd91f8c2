-- struct sembuf sem_flg
-- Names and their order: strace 6.1 (xlat/semop_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/sem.h" },
  unknown = "SEM_???",
  { "SEM_UNDO", 0x1000 },
  { "IPC_NOWAIT", 0x800 },
}
