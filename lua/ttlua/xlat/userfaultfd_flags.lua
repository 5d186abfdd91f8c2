-- userfaultfd(2) flags
-- Names and their order: strace 6.1 (xlat/uffd_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "fcntl.h", "linux/userfaultfd.h" },
  unknown = "UFFD_???",
  { "UFFD_USER_MODE_ONLY", 0x1 },
  { "O_NONBLOCK", 0x800 },
  { "O_CLOEXEC", 0x80000 },
}
