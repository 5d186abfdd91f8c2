-- ioprio_get(2)/ioprio_set(2) which
-- Names and their order: strace 6.1 (xlat/ioprio_who.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/ioprio.h" },
  unknown = "IOPRIO_WHO_???",
  { "IOPRIO_WHO_PROCESS", 1 },
  { "IOPRIO_WHO_PGRP", 2 },
  { "IOPRIO_WHO_USER", 3 },
}
