-- epoll_ctl(2) op
-- Names and their order: strace 6.1 (xlat/epollctls.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/epoll.h" },
  unknown = "EPOLL_CTL_???",
  { "EPOLL_CTL_ADD", 1 },
  { "EPOLL_CTL_DEL", 2 },
  { "EPOLL_CTL_MOD", 3 },
}
