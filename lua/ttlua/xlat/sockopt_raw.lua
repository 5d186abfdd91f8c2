-- SOL_RAW option names
-- Names and their order: strace 6.1 (xlat/sock_raw_options.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/icmp.h" },
  unknown = "RAW_???",
  { "ICMP_FILTER", 1 },
}
