-- personality(2) persona & PER_MASK
-- Names and their order: strace 6.1 (xlat/personality_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/personality.h" },
  unknown = "PER_???",
  { "PER_LINUX", 0 },
  { "PER_LINUX_32BIT", 0x800000 },
  { "PER_LINUX_FDPIC", 0x80000 },
  { "PER_SVR4", 0x4100001 },
  { "PER_SVR3", 0x5000002 },
  { "PER_SCOSVR3", 0x7000003 },
  { "PER_OSR5", 0x6000003 },
  { "PER_WYSEV386", 0x5000004 },
  { "PER_ISCR4", 0x4000005 },
  { "PER_BSD", 6 },
  { "PER_SUNOS", 0x4000006 },
  { "PER_XENIX", 0x5000007 },
  { "PER_LINUX32", 8 },
  { "PER_LINUX32_3GB", 0x8000008 },
  { "PER_IRIX32", 0x4000009 },
  { "PER_IRIXN32", 0x400000a },
  { "PER_IRIX64", 0x400000b },
  { "PER_RISCOS", 12 },
  { "PER_SOLARIS", 0x400000d },
  { "PER_UW7", 0x410000e },
  { "PER_OSF4", 15 },
  { "PER_HPUX", 16 },
  { "PER_MASK", 255 },
}
