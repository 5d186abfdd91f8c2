-- bpf(2) BPF_MAP_LOOKUP_ELEM flags
-- Names and their order: strace 6.1 (xlat/bpf_map_lookup_elem_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/bpf.h" },
  unknown = "BPF_???",
  { "BPF_ANY", 0x0, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_LOCK", 0x4, nocheck = "not in the x86_64 userspace headers" },
}
