-- kcmp(2) type
-- Names and their order: strace 6.1 (xlat/kcmp_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/kcmp.h" },
  unknown = "KCMP_???",
  { "KCMP_FILE", 0 },
  { "KCMP_VM", 1 },
  { "KCMP_FILES", 2 },
  { "KCMP_FS", 3 },
  { "KCMP_SIGHAND", 4 },
  { "KCMP_IO", 5 },
  { "KCMP_SYSVSEM", 6 },
  { "KCMP_EPOLL_TFD", 7 },
}
