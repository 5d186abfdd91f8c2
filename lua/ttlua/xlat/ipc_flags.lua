-- msgget(2)/semget(2) flags: IPC_CREAT|IPC_EXCL|IPC_NOWAIT then the permission bits in octal
-- Names and their order: strace 6.1 (xlat/resource_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/ipc.h" },
  perm = 0x1ff,
  { "IPC_CREAT", 0x200 },
  { "IPC_EXCL", 0x400 },
  { "IPC_NOWAIT", 0x800 },
}
