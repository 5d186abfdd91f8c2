-- memfd_secret(2) flags
-- Names and their order: strace 6.1 (xlat/memfd_secret_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/fcntl.h" },
  unknown = "O_???",
  { "O_CLOEXEC", 0x80000 },
}
