-- wait4(2)/waitid(2) options
-- Names and their order: strace 6.1 (xlat/wait4_options.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/wait.h", "linux/wait.h" },
  unknown = "W???",
  { "WNOHANG", 0x1 },
  { "WUNTRACED", 0x2, alias = true },
  { "WEXITED", 0x4 },
  { "WSTOPPED", 0x2 },
  { "WCONTINUED", 0x8 },
  { "WNOWAIT", 0x1000000 },
  { "__WCLONE", 0x80000000 },
  { "__WALL", 0x40000000 },
  { "__WNOTHREAD", 0x20000000 },
}
