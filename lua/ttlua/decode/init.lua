-- ttlua.decode: the decoder families.  Each file registers its argument
-- types (types.register) and the syscalls whose whole line it prints
-- (types.register_call); loading this module loads them all.
local families = {
  "generic", "signal", "process", "fcntl", "ioctl", "futex", "sched", "fs", "time",
  "io", "net", "poll", "prctl", "seccomp", "ptrace", "bpf", "caps", "io_uring", "files",
}
for _, name in ipairs(families) do
  require("ttlua.decode." .. name)
end
return { families = families }
