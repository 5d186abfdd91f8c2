-- semget(2)/msgget(2) flags, then the mode bits in octal
-- Names and their order: strace 6.1 (xlat/resource_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/ipc.h" },
  low = { mask = 0x1ff, set = "mode_bits", raw = true, last = true },
  { "IPC_CREAT", 0x200 },
  { "IPC_EXCL", 0x400 },
  { "IPC_NOWAIT", 0x800 },
}
