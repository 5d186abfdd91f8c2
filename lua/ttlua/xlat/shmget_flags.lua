-- shmget(2) shmflg: flags, hugetlb size as N<<SHM_HUGE_SHIFT, permission bits in octal
-- Names and their order: strace 6.1 (xlat/shm_resource_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/shm.h", "sys/ipc.h" },
  field = { mask = 0xfc000000, shift = 26, name = "SHM_HUGE_SHIFT" },
  perm = 0x1ff,
  { "IPC_CREAT", 0x200 },
  { "IPC_EXCL", 0x400 },
  { "SHM_HUGETLB", 0x800 },
  { "SHM_NORESERVE", 0x1000 },
}
