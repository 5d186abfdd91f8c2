-- bpf(2) BPF_MAP_UPDATE_ELEM flags
-- Names and their order: strace 6.1 (xlat/bpf_map_update_elem_flags.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/bpf.h" },
  unknown = "BPF_???",
  { "BPF_ANY", 0, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_NOEXIST", 1, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_EXIST", 2, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_LOCK", 4, nocheck = "not in the x86_64 userspace headers" },
}
