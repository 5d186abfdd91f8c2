-- bpf(2) file_flags/open_flags
-- Names and their order: strace 6.1 (xlat/bpf_file_mode_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/bpf.h" },
  unknown = "BPF_F_???",
  { "BPF_F_RDONLY", 0x8, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_WRONLY", 0x10, nocheck = "not in the x86_64 userspace headers" },
}
