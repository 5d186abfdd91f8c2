-- map_shadow_stack(2) flags
-- Names and their order: strace 6.1 (xlat/shadow_stack_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/mman.h" },
  unknown = "SHADOW_STACK_???",
  { "SHADOW_STACK_SET_TOKEN", 0x1, since = "6.6" },
}
