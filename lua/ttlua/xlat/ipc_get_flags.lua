-- shmget/msgget/semget flags (IPC_CREAT|IPC_EXCL|SHM_HUGETLB…), mode bits follow as octal
-- Names and their order: strace 6.1 (xlat/shm_resource_flags.in), newer names after it;
-- values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/shm.h", "sys/ipc.h" },
  { "IPC_CREAT", 0x200 },
  { "IPC_EXCL", 0x400 },
  { "SHM_HUGETLB", 0x800 },
  { "SHM_NORESERVE", 0x1000 },
}
