-- struct timex status
-- Names and their order: strace 6.1 (xlat/adjtimex_status.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/timex.h" },
  unknown = "STA_???",
  { "STA_PLL", 0x1 },
  { "STA_PPSFREQ", 0x2 },
  { "STA_PPSTIME", 0x4 },
  { "STA_FLL", 0x8 },
  { "STA_INS", 0x10 },
  { "STA_DEL", 0x20 },
  { "STA_UNSYNC", 0x40 },
  { "STA_FREQHOLD", 0x80 },
  { "STA_PPSSIGNAL", 0x100 },
  { "STA_PPSJITTER", 0x200 },
  { "STA_PPSWANDER", 0x400 },
  { "STA_PPSERROR", 0x800 },
  { "STA_CLOCKERR", 0x1000 },
  { "STA_NANO", 0x2000 },
  { "STA_MODE", 0x4000 },
  { "STA_CLK", 0x8000 },
}
