-- delete_module(2) flags
-- Names and their order: strace 6.1 (xlat/delete_module_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "fcntl.h" },
  unknown = "O_???",
  { "O_NONBLOCK", 0x800 },
  { "O_TRUNC", 0x200 },
}
