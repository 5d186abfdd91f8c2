-- struct f_owner_ex type
-- Names and their order: strace 6.1 (xlat/f_owner_types.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "asm/fcntl.h" },
  unknown = "F_OWNER_???",
  { "F_OWNER_TID", 0 },
  { "F_OWNER_PID", 1 },
  { "F_OWNER_PGRP", 2 },
}
