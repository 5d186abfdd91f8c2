-- ttlua.decode: the decoder families.  Each file registers its argument
-- types (types.register) and the syscalls whose whole line it prints
-- (types.register_call); loading this module loads them all.
-- DOCS below gives each type the LuaCATS type and the one-line
-- description the annotations (scripts/gen-annotations, --describe) show.
local types = require "ttlua.types"

local families = {
  "generic", "signal", "process", "fcntl", "ioctl", "futex", "sched", "fs", "time",
  "io", "net", "poll", "prctl", "seccomp", "ptrace", "bpf", "caps", "io_uring", "files", "misc", "ipc",
}
for _, name in ipairs(families) do
  require("ttlua.decode." .. name)
end

-- kind -> { LuaCATS type, what a handler gets }
local DOCS = {
  sigset = { "integer[]|nil", "a signal set: the sorted list of its signal numbers" },
  clone_flags = { "integer", "clone flags with the exit signal in the low byte" },
  clone_args = { "ttlua.struct.clone_args|nil", "struct clone_args (flags, exit_signal, stack, ...)" },
  wstatus_out = { "table|nil",
    "the wait status: {status=, exited=code|nil, signal=n|nil, core=, stopped=n|nil, continued=}" },
  fcntl_cmd = { "integer", "an fcntl command (ttlua.const.F_SETLK ...)" },
  fcntl_arg = { "any", "by command: an int, flags, a struct flock table (F_SETLK, F_GETLK after run)" },
  ioctl_req = { "integer", "an ioctl request code (ttlua.const.TCGETS ...)" },
  ioctl_arg = { "any", "by request: a struct termios/winsize table, the int pointed to "
    .. "(FIONREAD, FIONBIO), or the raw value" },
  futex_op = { "integer", "a futex operation with its flags (ttlua.const.FUTEX_WAKE_PRIVATE ...)" },
  futex_arg = { "any", "by operation: the timeout (a struct timespec table) or a number" },
  cpuset = { "integer[]|nil", "a CPU set: the sorted list of its CPU numbers" },
  dirents_out = { "ttlua.struct.linux_dirent64[]|nil",
    "the directory entries read: {d_ino=, d_off=, d_reclen=, d_type=, d_name=} each" },
  msghdr_in = { "table|nil", "struct msghdr with name (decoded address), iov "
    .. "({base=, len=, data=} each) and control (the control messages)" },
  msghdr_out = { "table|nil", "the struct msghdr the kernel filled (as msghdr_in, data up "
    .. "to the result)" },
  mmsghdr_in = { "table[]|nil", "the messages to send (as msghdr_in each)" },
  mmsghdr_out = { "ttlua.struct.mmsghdr[]|nil", "the struct mmsghdr entries the kernel filled" },
  pollfds = { "ttlua.struct.pollfd[]|nil", "the struct pollfd array: {fd=, events=, revents=} each" },
  fdset = { "integer[]|nil", "an fd_set: the sorted list of its descriptors" },
  epoll_event_in = { "ttlua.struct.epoll_event|nil", "struct epoll_event {events=, data=}" },
  epoll_events_out = { "ttlua.struct.epoll_event[]|nil", "the events epoll_wait returned" },
  prctl_opt = { "integer", "a prctl option (ttlua.const.PR_SET_NAME ...)" },
  prctl_arg = { "any", "by option: PR_SET_NAME's name (a string), else the raw value" },
  seccomp_op = { "integer", "a seccomp operation (ttlua.const.SECCOMP_SET_MODE_FILTER ...)" },
  ptrace_req = { "integer", "a ptrace request (ttlua.const.PTRACE_ATTACH ...)" },
  bpf_cmd = { "integer", "a bpf command (ttlua.const.BPF_MAP_CREATE ...)" },
  bpf_attr = { "string|nil", "the bytes of union bpf_attr (as many as the size argument)" },
  capheader = { "ttlua.struct.user_cap_header|nil", "struct __user_cap_header_struct {version=, pid=}" },
  capdata = { "table|nil", "the capability sets: {effective={lo, hi}, permitted=, inheritable=}" },
  open_how = { "ttlua.struct.open_how|nil", "struct open_how {flags=, mode=, resolve=}" },
  xattr_value_in = { "string|nil", "the attribute value's bytes" },
  xattr_value_out = { "string|nil", "the attribute value's bytes the kernel stored" },
}
for kind, d in pairs(DOCS) do
  local t = types.T[kind]
  if t then
    t.lua, t.doc = d[1], d[2]
  end
end
local STRUCT = { epoll_event_in = "epoll_event", capheader = "user_cap_header", clone_args = "clone_args" }
for kind, s in pairs(STRUCT) do
  if types.T[kind] then types.T[kind].struct = s end
end

return { families = families, docs = DOCS }
