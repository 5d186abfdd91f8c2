-- fadvise64(2) advice
-- Names and their order: strace 6.1 (xlat/advise.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "fcntl.h" },
  unknown = "POSIX_FADV_???",
  { "POSIX_FADV_NORMAL", 0 },
  { "POSIX_FADV_RANDOM", 1 },
  { "POSIX_FADV_SEQUENTIAL", 2 },
  { "POSIX_FADV_WILLNEED", 3 },
  { "POSIX_FADV_DONTNEED", 4 },
  { "POSIX_FADV_NOREUSE", 5 },
}
