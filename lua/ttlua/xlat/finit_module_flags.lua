-- finit_module(2) flags
-- Names and their order: strace 6.1 (xlat/module_init_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/module.h" },
  unknown = "MODULE_INIT_???",
  { "MODULE_INIT_IGNORE_MODVERSIONS", 0x1 },
  { "MODULE_INIT_IGNORE_VERMAGIC", 0x2 },
  { "MODULE_INIT_COMPRESSED_FILE", 0x4 },
}
