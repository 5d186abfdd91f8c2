-- struct pollfd events/revents
-- Names and their order: strace 6.1 (xlat/pollflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/types.h", "linux/poll.h" },
  unknown = "POLL???",
  { "POLLIN", 0x1 },
  { "POLLPRI", 0x2 },
  { "POLLOUT", 0x4 },
  { "POLLERR", 0x8 },
  { "POLLHUP", 0x10 },
  { "POLLNVAL", 0x20 },
  { "POLLRDNORM", 0x40 },
  { "POLLRDBAND", 0x80 },
  { "POLLWRNORM", 0x100 },
  { "POLLWRBAND", 0x200 },
  { "POLLMSG", 0x400 },
  { "POLLREMOVE", 0x1000 },
  { "POLLRDHUP", 0x2000 },
  { "POLL_BUSY_LOOP", 0x8000 },
}
