-- epoll_create1(2) flags
-- Names and their order: strace 6.1 (xlat/epollflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/epoll.h" },
  unknown = "EPOLL_???",
  { "EPOLL_CLOEXEC", 0x80000 },
}
