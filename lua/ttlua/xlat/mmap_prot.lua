-- mmap(2)/mprotect(2) prot
-- Names and their order: strace 6.1 (xlat/mmap_prot.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/mman.h", "linux/mman.h" },
  unknown = "PROT_???",
  bits = 64,
  { "PROT_NONE", 0x0 },
  { "PROT_READ", 0x1 },
  { "PROT_WRITE", 0x2 },
  { "PROT_EXEC", 0x4 },
  { "PROT_SEM", 0x8 },
  { "PROT_GROWSDOWN", 0x1000000 },
  { "PROT_GROWSUP", 0x2000000 },
}
