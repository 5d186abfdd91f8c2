-- struct ptrace_peeksiginfo_args flags
-- Names and their order: strace 6.1 (xlat/ptrace_peeksiginfo_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/ptrace.h" },
  unknown = "PTRACE_PEEKSIGINFO_???",
  { "PTRACE_PEEKSIGINFO_SHARED", 0x1 },
}
