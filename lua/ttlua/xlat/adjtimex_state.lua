-- adjtimex(2) return value (clock state)
-- Names and their order: strace 6.1 (xlat/adjtimex_state.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/timex.h" },
  unknown = "TIME_???",
  { "TIME_OK", 0 },
  { "TIME_INS", 1 },
  { "TIME_DEL", 2 },
  { "TIME_OOP", 3 },
  { "TIME_WAIT", 4 },
  { "TIME_ERROR", 5 },
}
