-- struct timex modes
-- Names and their order: strace 6.1 (xlat/adjtimex_modes.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/timex.h" },
  unknown = "ADJ_???",
  { "ADJ_OFFSET_SS_READ", 0xa001 },
  { "ADJ_OFFSET_SINGLESHOT", 0x8001 },
  { "ADJ_OFFSET", 0x1 },
  { "ADJ_FREQUENCY", 0x2 },
  { "ADJ_MAXERROR", 0x4 },
  { "ADJ_ESTERROR", 0x8 },
  { "ADJ_STATUS", 0x10 },
  { "ADJ_TIMECONST", 0x20 },
  { "ADJ_TAI", 0x80 },
  { "ADJ_SETOFFSET", 0x100 },
  { "ADJ_MICRO", 0x1000 },
  { "ADJ_NANO", 0x2000 },
  { "ADJ_TICK", 0x4000 },
}
