-- shmget(2) shmflg: flags, then the mode bits in octal
-- Names and their order: strace 6.1 (xlat/shm_resource_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/shm.h", "sys/ipc.h" },
  low = { mask = 0x1ff, set = "mode_bits", raw = true, last = true },
  { "IPC_CREAT", 0x200 },
  { "IPC_EXCL", 0x400 },
  { "SHM_HUGETLB", 0x800 },
  { "SHM_NORESERVE", 0x1000 },
}
