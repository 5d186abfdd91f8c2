-- TIOCMGET/TIOCMSET modem lines
-- Names and their order: strace 6.1 (xlat/modem_flags.in); values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "asm/termbits.h", "asm/ioctls.h", "linux/termios.h" },
  unknown = "TIOCM_???",
  { "TIOCM_LE", 0x1 },
  { "TIOCM_DTR", 0x2 },
  { "TIOCM_RTS", 0x4 },
  { "TIOCM_ST", 0x8 },
  { "TIOCM_SR", 0x10 },
  { "TIOCM_CTS", 0x20 },
  { "TIOCM_CAR", 0x40 },
  { "TIOCM_RNG", 0x80 },
  { "TIOCM_DSR", 0x100 },
  { "TIOCM_OUT1", 0x2000 },
  { "TIOCM_OUT2", 0x4000 },
  { "TIOCM_LOOP", 0x8000 },
}
