-- getpriority(2)/setpriority(2) which
-- Names and their order: strace 6.1 (xlat/priorities.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/resource.h" },
  unknown = "PRIO_???",
  { "PRIO_PROCESS", 0 },
  { "PRIO_PGRP", 1 },
  { "PRIO_USER", 2 },
}
