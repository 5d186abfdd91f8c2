-- msgsnd(2)/msgrcv(2) msgflg
-- Names and their order: strace 6.1 (xlat/ipc_msg_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "sys/msg.h", "sys/ipc.h" },
  unknown = "MSG_???",
  { "MSG_NOERROR", 0x1000 },
  { "MSG_EXCEPT", 0x2000 },
  { "MSG_COPY", 0x4000 },
  { "IPC_NOWAIT", 0x800 },
}
