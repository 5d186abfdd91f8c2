-- seccomp filter return actions
-- Names and their order: strace 6.1 (xlat/seccomp_ret_action.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/seccomp.h" },
  unknown = "SECCOMP_RET_???",
  { "SECCOMP_RET_KILL_PROCESS", 0x80000000 },
  { "SECCOMP_RET_KILL_THREAD", 0 },
  { "SECCOMP_RET_TRAP", 0x30000 },
  { "SECCOMP_RET_ERRNO", 0x50000 },
  { "SECCOMP_RET_USER_NOTIF", 0x7fc00000 },
  { "SECCOMP_RET_TRACE", 0x7ff00000 },
  { "SECCOMP_RET_LOG", 0x7ffc0000 },
  { "SECCOMP_RET_ALLOW", 0x7fff0000 },
}
