-- System V IPC key (IPC_PRIVATE)
-- Names and their order: strace 6.1 (xlat/ipc_private.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/ipc.h" },
  { "IPC_PRIVATE", 0 },
}
