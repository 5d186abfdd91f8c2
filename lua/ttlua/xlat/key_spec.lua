-- special key serial numbers (KEY_SPEC_*)
-- Names and their order: strace 6.1 (xlat/key_spec.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/keyctl.h" },
  { "KEY_SPEC_THREAD_KEYRING", 0xffffffff },
  { "KEY_SPEC_PROCESS_KEYRING", 0xfffffffe },
  { "KEY_SPEC_SESSION_KEYRING", 0xfffffffd },
  { "KEY_SPEC_USER_KEYRING", 0xfffffffc },
  { "KEY_SPEC_USER_SESSION_KEYRING", 0xfffffffb },
  { "KEY_SPEC_GROUP_KEYRING", 0xfffffffa },
  { "KEY_SPEC_REQKEY_AUTH_KEY", 0xfffffff9 },
  { "KEY_SPEC_REQUESTOR_KEYRING", 0xfffffff8 },
}
