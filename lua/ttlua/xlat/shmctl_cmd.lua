-- shmctl(2) cmd: IPC_64| then the command
return {
  kind = "flags",
  headers = { "linux/ipc.h" },
  low = { mask = 0xfffffeff, set = "shmctl_cmd_base", raw = true, last = true, always = true },
  { "IPC_64", 0x100 },
}
