-- Linux security module ids (lsm_list_modules, lsm_get_self_attr)
-- Names and their order: strace 6.1 (xlat/lsm_ids.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/lsm.h" },
  unknown = "LSM_ID_???",
  bits = 64,
  { "LSM_ID_UNDEF", 0, since = "6.8" },
  { "LSM_ID_CAPABILITY", 100, since = "6.8" },
  { "LSM_ID_SELINUX", 101, since = "6.8" },
  { "LSM_ID_SMACK", 102, since = "6.8" },
  { "LSM_ID_TOMOYO", 103, since = "6.8" },
  { "LSM_ID_APPARMOR", 104, since = "6.8" },
  { "LSM_ID_YAMA", 105, since = "6.8" },
  { "LSM_ID_LOADPIN", 106, since = "6.8" },
  { "LSM_ID_SAFESETID", 107, since = "6.8" },
  { "LSM_ID_LOCKDOWN", 108, since = "6.8" },
  { "LSM_ID_BPF", 109, since = "6.8" },
  { "LSM_ID_LANDLOCK", 110, since = "6.8" },
  { "LSM_ID_IMA", 111, since = "6.9" },
  { "LSM_ID_EVM", 112, since = "6.9" },
  { "LSM_ID_IPE", 113, since = "6.12" },
}
