-- struct epoll_event events
-- Names and their order: strace 6.1 (xlat/epollevents.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/eventpoll.h" },
  unknown = "EPOLL???",
  { "EPOLLIN", 0x1 },
  { "EPOLLPRI", 0x2 },
  { "EPOLLOUT", 0x4 },
  { "EPOLLERR", 0x8 },
  { "EPOLLHUP", 0x10 },
  { "EPOLLNVAL", 0x20 },
  { "EPOLLRDNORM", 0x40 },
  { "EPOLLRDBAND", 0x80 },
  { "EPOLLWRNORM", 0x100 },
  { "EPOLLWRBAND", 0x200 },
  { "EPOLLMSG", 0x400 },
  { "EPOLLRDHUP", 0x2000 },
  { "EPOLLEXCLUSIVE", 0x10000000 },
  { "EPOLLWAKEUP", 0x20000000 },
  { "EPOLLONESHOT", 0x40000000 },
  { "EPOLLET", 0x80000000 },
}
