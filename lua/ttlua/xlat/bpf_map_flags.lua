-- bpf(2) map_flags
-- Names and their order: strace 6.1 (xlat/bpf_map_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/bpf.h" },
  unknown = "BPF_F_???",
  { "BPF_F_NO_PREALLOC", 0x1, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_NO_COMMON_LRU", 0x2, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_NUMA_NODE", 0x4, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_RDONLY", 0x8, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_WRONLY", 0x10, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_STACK_BUILD_ID", 0x20, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_ZERO_SEED", 0x40, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_RDONLY_PROG", 0x80, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_WRONLY_PROG", 0x100, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_CLONE", 0x200, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_MMAPABLE", 0x400, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_PRESERVE_ELEMS", 0x800, nocheck = "not in the x86_64 userspace headers" },
  { "BPF_F_INNER_MAP", 0x1000, nocheck = "not in the x86_64 userspace headers" },
}
