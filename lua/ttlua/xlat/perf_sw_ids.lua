-- perf_event_attr config for PERF_TYPE_SOFTWARE
-- Names and their order: strace 6.1 (xlat/perf_sw_ids.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/perf_event.h" },
  unknown = "PERF_COUNT_SW_???",
  { "PERF_COUNT_SW_CPU_CLOCK", 0, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_TASK_CLOCK", 1, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_PAGE_FAULTS", 2, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_CONTEXT_SWITCHES", 3, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_CPU_MIGRATIONS", 4, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_PAGE_FAULTS_MIN", 5, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_PAGE_FAULTS_MAJ", 6, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_ALIGNMENT_FAULTS", 7, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_EMULATION_FAULTS", 8, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_DUMMY", 9, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_BPF_OUTPUT", 10, nocheck = "not in the x86_64 userspace headers" },
  { "PERF_COUNT_SW_CGROUP_SWITCHES", 11, nocheck = "not in the x86_64 userspace headers" },
}
