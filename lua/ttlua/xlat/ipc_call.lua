-- ipc(2) call (i386)
-- Names and their order: strace 6.1 (xlat/ipccalls.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/ipc.h" },
  base = 10,
  { "SEMOP", 1 },
  { "SEMGET", 2 },
  { "SEMCTL", 3 },
  { "SEMTIMEDOP", 4 },
  { "MSGSND", 11 },
  { "MSGRCV", 12 },
  { "MSGGET", 13 },
  { "MSGCTL", 14 },
  { "SHMAT", 21 },
  { "SHMDT", 22 },
  { "SHMGET", 23 },
  { "SHMCTL", 24 },
}
