-- semctl(2) cmd: IPC_64| then the command (same as sem_cmd)
return {
  kind = "flags",
  headers = { "linux/ipc.h" },
  low = { mask = 0xfffffeff, set = "sem_cmd_base", raw = true, last = true, always = true },
  { "IPC_64", 0x100 },
}
