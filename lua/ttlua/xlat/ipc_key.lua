-- System V IPC key (IPC_PRIVATE)
-- Names and their order: strace 6.1 (xlat/ipc_private.in), newer names after it;
-- values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "sys/ipc.h" },
  { "IPC_PRIVATE", 0 },
}
