-- eventfd2(2) flags
-- Names and their order: strace 6.1 (xlat/efd_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/eventfd.h" },
  unknown = "EFD_???",
  { "EFD_SEMAPHORE", 0x1 },
  { "EFD_CLOEXEC", 0x80000 },
  { "EFD_NONBLOCK", 0x800 },
}
