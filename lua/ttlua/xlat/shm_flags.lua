-- shmat(2) shmflg
-- Names and their order: strace 6.1 (xlat/shm_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/shm.h" },
  unknown = "SHM_???",
  { "SHM_RDONLY", 0x1000 },
  { "SHM_RND", 0x2000 },
  { "SHM_REMAP", 0x4000 },
  { "SHM_EXEC", 0x8000 },
}
