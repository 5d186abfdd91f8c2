-- si_code for SIGPOLL/SIGIO
-- Names and their order: strace 6.1 (xlat/sigpoll_codes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/signal.h" },
  { "POLL_IN", 1 },
  { "POLL_OUT", 2 },
  { "POLL_MSG", 3 },
  { "POLL_ERR", 4 },
  { "POLL_PRI", 5 },
  { "POLL_HUP", 6 },
}
