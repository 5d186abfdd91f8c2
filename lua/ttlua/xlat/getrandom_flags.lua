-- getrandom(2) flags
-- Names and their order: strace 6.1 (xlat/getrandom_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/random.h" },
  unknown = "GRND_???",
  { "GRND_NONBLOCK", 0x1 },
  { "GRND_RANDOM", 0x2 },
  { "GRND_INSECURE", 0x4 },
}
