-- setns(2) nstype
-- Names and their order: strace 6.1 (xlat/setns_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/sched.h" },
  unknown = "CLONE_NEW???",
  { "CLONE_NEWTIME", 0x80 },
  { "CLONE_NEWNS", 0x20000 },
  { "CLONE_NEWCGROUP", 0x2000000 },
  { "CLONE_NEWUTS", 0x4000000 },
  { "CLONE_NEWIPC", 0x8000000 },
  { "CLONE_NEWUSER", 0x10000000 },
  { "CLONE_NEWPID", 0x20000000 },
  { "CLONE_NEWNET", 0x40000000 },
}
