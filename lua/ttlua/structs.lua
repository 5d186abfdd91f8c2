-- ttlua.structs: x86_64 kernel ABI struct layouts for tracee memory, as
-- LuaJIT FFI types (`struct ttl_<name>`), with fast generated decoders
-- (bytes -> plain Lua table) and encoders (Lua table -> bytes).
--
-- The layouts are data (the DEFS list below). From it this module builds
-- the ffi.cdef text, an ordered field list per struct, and one decoder and
-- one encoder function per struct (generated once, cached). scripts/check-structs
-- compares every size and offset with the real kernel/glibc headers.
--
-- Conventions of the decoded tables:
--   * integers are Lua numbers (64-bit ones via tonumber: exact below 2^53;
--     an all-ones u64 such as RLIM64_INFINITY decodes to 2^64). When a 64-bit
--     value is not exact as a number, the table also gets t._exact[field] =
--     the int64_t/uint64_t cdata; structfmt prints it and encode writes it
--     back as long as t[field] was not changed, so a decode/encode round trip
--     is lossless (getdents d_off cookies, RLIM64_INFINITY, ...);
--   * tracee pointers (`ptr`) are numbers (addresses);
--   * network-order fields (`be16`, `be32`: ports, IPv4 addresses, flowinfo)
--     are converted to host order (sin_port == 8080);
--   * char arrays are strings cut at the first NUL; `bytes` arrays are raw
--     strings; other arrays are Lua arrays (1-based); nested structs are tables;
--   * bit masks wider than 53 bits are split in 32-bit words (sigset.sig[1..2],
--     fd_set.fds_bits[1..32]) so that they stay exact;
--   * fields whose name starts with "_" are padding/reserved: not decoded.
local ffi = require "ffi"

local M = {}

local tonumber, type, error, tostring = tonumber, type, error, tostring
local concat, min = table.concat, math.min
local ffi_string, ffi_cast, ffi_new, ffi_copy, ffi_fill = ffi.string, ffi.cast, ffi.new, ffi.copy, ffi.fill
local bswap, rshift, band = bit.bswap, bit.rshift, bit.band

---------------------------------------------------------------------------
-- The data. Each definition: { name, meta, fields... }.
-- meta.c     C type name for scripts/check-structs (nil: compared via csrc)
-- meta.h     header(s) declaring meta.c (space separated)
-- meta.csrc  C definition used when no installed header declares the type
-- meta.min   smallest input decode accepts (default: the full size)
-- meta.packed / meta.align   layout attributes
-- meta.alias other names accepted by size/ctype/fields/decode/encode
-- A field is "type name", "type name[N]" or "type name[]" (flexible tail),
-- or a table { "type name", cname=, kind=, new= }:
--   cname  the member designator in C when it differs (false: not comparable)
--   kind   "bytes" (raw string), "sunpath" (sockaddr_un path, keeps abstract
--          names), "flexstr" (NUL-terminated tail), "flexbytes" (tail whose
--          length is in field `len`)
--   new    added by kernels newer than the installed headers (not compared)
-- U{...} is an anonymous union, S{...} an anonymous struct (members are
-- reachable by their own names, as in C11).
-- Types: int8_t..uint64_t, char, ptr (tracee address, 64-bit), be16, be32,
-- struct <name> (another definition).
---------------------------------------------------------------------------
local function U(t) t.tag = "union"; return t end
local function S(t) t.tag = "struct"; return t end

local DEFS = {
  -- time ---------------------------------------------------------------
  { "timespec", { c = "struct timespec", h = "time.h" },
    "int64_t tv_sec", "int64_t tv_nsec" },
  { "kernel_timespec", { c = "struct __kernel_timespec", h = "linux/time_types.h",
                         alias = { "__kernel_timespec" } },
    "int64_t tv_sec", "int64_t tv_nsec" },
  { "timeval", { c = "struct timeval", h = "sys/time.h" },
    "int64_t tv_sec", "int64_t tv_usec" },
  { "itimerspec", { c = "struct itimerspec", h = "time.h", alias = { "__kernel_itimerspec" } },
    "struct timespec it_interval", "struct timespec it_value" },
  { "itimerval", { c = "struct itimerval", h = "sys/time.h" },
    "struct timeval it_interval", "struct timeval it_value" },
  { "timezone", { c = "struct timezone", h = "sys/time.h" },
    "int32_t tz_minuteswest", "int32_t tz_dsttime" },
  { "timex", { c = "struct timex", h = "sys/timex.h" },
    "uint32_t modes", "int64_t offset", "int64_t freq", "int64_t maxerror",
    "int64_t esterror", "int32_t status", "int64_t constant", "int64_t precision",
    "int64_t tolerance", "struct timeval time", "int64_t tick", "int64_t ppsfreq",
    "int64_t jitter", "int32_t shift", "int64_t stabil", "int64_t jitcnt",
    "int64_t calcnt", "int64_t errcnt", "int64_t stbcnt", "int32_t tai",
    "int32_t _pad[11]" },
  { "tms", { c = "struct tms", h = "sys/times.h" },
    "int64_t tms_utime", "int64_t tms_stime", "int64_t tms_cutime", "int64_t tms_cstime" },
  { "utimbuf", { c = "struct utimbuf", h = "utime.h" },
    "int64_t actime", "int64_t modtime" },

  -- files ----------------------------------------------------------------
  { "stat", { c = "struct stat", h = "asm/stat.h" },    -- the x86_64 kernel one
    "uint64_t st_dev", "uint64_t st_ino", "uint64_t st_nlink", "uint32_t st_mode",
    "uint32_t st_uid", "uint32_t st_gid", { "uint32_t _pad0", cname = "__pad0" },
    "uint64_t st_rdev", "int64_t st_size", "int64_t st_blksize", "int64_t st_blocks",
    "int64_t st_atime", "uint64_t st_atime_nsec", "int64_t st_mtime",
    "uint64_t st_mtime_nsec", "int64_t st_ctime", "uint64_t st_ctime_nsec",
    { "int64_t _unused[3]", cname = "__unused" } },
  { "statx_timestamp", { c = "struct statx_timestamp", h = "linux/stat.h" },
    "int64_t tv_sec", "uint32_t tv_nsec", { "int32_t _reserved", cname = "__reserved" } },
  { "statx", { c = "struct statx", h = "linux/stat.h" },
    "uint32_t stx_mask", "uint32_t stx_blksize", "uint64_t stx_attributes",
    "uint32_t stx_nlink", "uint32_t stx_uid", "uint32_t stx_gid", "uint16_t stx_mode",
    { "uint16_t _spare0[1]", cname = "__spare0" },
    "uint64_t stx_ino", "uint64_t stx_size", "uint64_t stx_blocks",
    "uint64_t stx_attributes_mask",
    "struct statx_timestamp stx_atime", "struct statx_timestamp stx_btime",
    "struct statx_timestamp stx_ctime", "struct statx_timestamp stx_mtime",
    "uint32_t stx_rdev_major", "uint32_t stx_rdev_minor",
    "uint32_t stx_dev_major", "uint32_t stx_dev_minor",
    "uint64_t stx_mnt_id", "uint32_t stx_dio_mem_align", "uint32_t stx_dio_offset_align",
    { "uint64_t stx_subvol", new = true },
    { "uint32_t stx_atomic_write_unit_min", new = true },
    { "uint32_t stx_atomic_write_unit_max", new = true },
    { "uint32_t stx_atomic_write_segments_max", new = true },
    { "uint32_t stx_dio_read_offset_align", new = true },
    { "uint32_t stx_atomic_write_unit_max_opt", new = true },
    "uint32_t _spare2[1]", "uint64_t _spare3[8]" },
  { "statfs", { c = "struct statfs", h = "asm/statfs.h" },
    "int64_t f_type", "int64_t f_bsize", "int64_t f_blocks", "int64_t f_bfree",
    "int64_t f_bavail", "int64_t f_files", "int64_t f_ffree",
    { "int32_t f_fsid[2]", cname = "f_fsid.val" },
    "int64_t f_namelen", "int64_t f_frsize", "int64_t f_flags", "int64_t f_spare[4]" },
  { "ustat", { csrc = "struct ustat { int f_tfree; unsigned long f_tinode;"
                      .. " char f_fname[6]; char f_fpack[6]; };", c = "struct ustat" },
    "int32_t f_tfree", "uint64_t f_tinode", "char f_fname[6]", "char f_fpack[6]" },
  { "linux_dirent64", { c = "struct linux_dirent64", min = 19, reclen = "d_reclen",
                        csrc = "struct linux_dirent64 { uint64_t d_ino; int64_t d_off;"
                          .. " unsigned short d_reclen; unsigned char d_type; char d_name[]; };" },
    "uint64_t d_ino", "int64_t d_off", "uint16_t d_reclen", "uint8_t d_type",
    { "char d_name[]", kind = "flexstr" } },
  { "linux_dirent", { c = "struct linux_dirent", min = 18, reclen = "d_reclen",
                      csrc = "struct linux_dirent { unsigned long d_ino; unsigned long d_off;"
                        .. " unsigned short d_reclen; char d_name[]; };" },
    "uint64_t d_ino", "uint64_t d_off", "uint16_t d_reclen",
    { "char d_name[]", kind = "flexstr" } },
  { "file_handle", { c = "struct file_handle", h = "fcntl.h", min = 8 },
    "uint32_t handle_bytes", "int32_t handle_type",
    { "uint8_t f_handle[]", kind = "flexbytes", len = "handle_bytes" } },
  { "open_how", { c = "struct open_how", h = "linux/openat2.h" },
    "uint64_t flags", "uint64_t mode", "uint64_t resolve" },
  { "flock", { c = "struct flock", h = "fcntl.h" },
    "int16_t l_type", "int16_t l_whence", "int64_t l_start", "int64_t l_len", "int32_t l_pid" },
  { "f_owner_ex", { c = "struct f_owner_ex", h = "fcntl.h" },
    "int32_t type", "int32_t pid" },
  { "mount_attr", { c = "struct mount_attr", h = "linux/mount.h", min = 32 },
    "uint64_t attr_set", "uint64_t attr_clr", "uint64_t propagation", "uint64_t userns_fd" },
  { "cachestat_range", { c = "struct cachestat_range",
                         csrc = "struct cachestat_range { uint64_t off; uint64_t len; };" },
    "uint64_t off", "uint64_t len" },
  { "cachestat", { c = "struct cachestat",
                   csrc = "struct cachestat { uint64_t nr_cache; uint64_t nr_dirty;"
                     .. " uint64_t nr_writeback; uint64_t nr_evicted;"
                     .. " uint64_t nr_recently_evicted; };" },
    "uint64_t nr_cache", "uint64_t nr_dirty", "uint64_t nr_writeback",
    "uint64_t nr_evicted", "uint64_t nr_recently_evicted" },

  -- sockets --------------------------------------------------------------
  { "sockaddr", { c = "struct sockaddr", h = "sys/socket.h", min = 2 },
    "uint16_t sa_family", { "char sa_data[14]", kind = "bytes" } },
  { "in_addr", { c = "struct in_addr", h = "netinet/in.h" },
    "be32 s_addr" },
  { "in6_addr", { c = "struct in6_addr", h = "netinet/in.h" },
    { "uint8_t s6_addr[16]", kind = "bytes" } },
  { "sockaddr_in", { c = "struct sockaddr_in", h = "netinet/in.h", min = 2 },
    "uint16_t sin_family", "be16 sin_port", "struct in_addr sin_addr",
    { "uint8_t _zero[8]", cname = "sin_zero" } },
  { "sockaddr_in6", { c = "struct sockaddr_in6", h = "netinet/in.h", min = 2 },
    "uint16_t sin6_family", "be16 sin6_port", "be32 sin6_flowinfo",
    "struct in6_addr sin6_addr", "uint32_t sin6_scope_id" },
  { "sockaddr_un", { c = "struct sockaddr_un", h = "sys/un.h", min = 2 },
    "uint16_t sun_family", { "char sun_path[108]", kind = "sunpath" } },
  { "sockaddr_nl", { c = "struct sockaddr_nl", h = "linux/netlink.h", min = 2 },
    "uint16_t nl_family", { "uint16_t _pad", cname = "nl_pad" }, "uint32_t nl_pid",
    "uint32_t nl_groups" },
  { "sockaddr_ll", { c = "struct sockaddr_ll", h = "netpacket/packet.h", min = 2 },
    "uint16_t sll_family", "be16 sll_protocol", "int32_t sll_ifindex",
    "uint16_t sll_hatype", "uint8_t sll_pkttype", "uint8_t sll_halen", "uint8_t sll_addr[8]" },
  { "linger", { c = "struct linger", h = "sys/socket.h" },
    "int32_t l_onoff", "int32_t l_linger" },
  { "ucred", { c = "struct ucred", h = "sys/socket.h" },
    "int32_t pid", "uint32_t uid", "uint32_t gid" },
  { "ip_mreq", { c = "struct ip_mreq", h = "netinet/in.h" },
    "struct in_addr imr_multiaddr", "struct in_addr imr_interface" },
  { "iovec", { c = "struct iovec", h = "sys/uio.h" },
    "ptr iov_base", "uint64_t iov_len" },
  { "msghdr", { c = "struct msghdr", h = "sys/socket.h" },
    "ptr msg_name", "uint32_t msg_namelen", "ptr msg_iov", "uint64_t msg_iovlen",
    "ptr msg_control", "uint64_t msg_controllen", "int32_t msg_flags" },
  { "cmsghdr", { c = "struct cmsghdr", h = "sys/socket.h" },
    "uint64_t cmsg_len", "int32_t cmsg_level", "int32_t cmsg_type" },
  { "mmsghdr", { c = "struct mmsghdr", h = "sys/socket.h" },
    "struct msghdr msg_hdr", "uint32_t msg_len" },
  { "sock_filter", { c = "struct sock_filter", h = "linux/filter.h" },
    "uint16_t code", "uint8_t jt", "uint8_t jf", "uint32_t k" },
  { "sock_fprog", { c = "struct sock_fprog", h = "linux/filter.h" },
    "uint16_t len", "ptr filter" },

  -- polling --------------------------------------------------------------
  { "pollfd", { c = "struct pollfd", h = "poll.h" },
    "int32_t fd", "uint16_t events", "uint16_t revents" },
  { "epoll_event", { c = "struct epoll_event", h = "sys/epoll.h", packed = true },
    "uint32_t events", "uint64_t data" },
  { "epoll_params", { c = "struct epoll_params",
                      csrc = "struct epoll_params { uint32_t busy_poll_usecs;"
                        .. " uint16_t busy_poll_budget; uint8_t prefer_busy_poll;"
                        .. " uint8_t __pad; };" },
    "uint32_t busy_poll_usecs", "uint16_t busy_poll_budget", "uint8_t prefer_busy_poll",
    { "uint8_t _pad", cname = "__pad" } },
  { "fd_set", { c = "fd_set", h = "sys/select.h" },
    "uint32_t fds_bits[32]" },

  -- signals --------------------------------------------------------------
  { "sigset", { c = "sigset_t", h = "asm/signal.h", alias = { "kernel_sigset" } },
    { "uint32_t sig[2]", cname = false } },
  { "sigaction", { c = "struct sigaction", h = "asm/signal.h",
                   alias = { "kernel_sigaction", "new_sigaction" } },
    "ptr sa_handler", "uint64_t sa_flags", "ptr sa_restorer", "struct sigset sa_mask" },
  { "stack_t", { c = "stack_t", h = "asm/signal.h", alias = { "sigaltstack" } },
    "ptr ss_sp", "int32_t ss_flags", "uint64_t ss_size" },
  { "siginfo", { c = "siginfo_t", h = "asm/siginfo.h", alias = { "siginfo_t" } },
    "int32_t si_signo", "int32_t si_errno", "int32_t si_code",
    U{ "int32_t _pad[28]",
       S{ U{ S{ "int32_t si_pid", "uint32_t si_uid" },
             S{ { "int32_t si_timerid", cname = "si_tid" }, "int32_t si_overrun" } },
          U{ S{ "int32_t si_status", "int64_t si_utime", "int64_t si_stime" },
             "int32_t si_int", "ptr si_ptr" } },
       S{ "ptr si_addr",
          U{ "int32_t si_trapno", "int16_t si_addr_lsb",
             S{ "ptr _bnd_pad", "ptr si_lower", "ptr si_upper" },
             S{ "uint32_t _pkey_pad[2]", "uint32_t si_pkey" },
             S{ "uint64_t si_perf_data", "uint32_t si_perf_type", "uint32_t si_perf_flags" } } },
       S{ "int64_t si_band", "int32_t si_fd" },
       S{ "ptr si_call_addr", "int32_t si_syscall", "uint32_t si_arch" } } },

  -- processes ------------------------------------------------------------
  { "rlimit", { c = "struct rlimit", h = "sys/resource.h", alias = { "rlimit64" } },
    "uint64_t rlim_cur", "uint64_t rlim_max" },
  { "rusage", { c = "struct rusage", h = "sys/resource.h" },
    "struct timeval ru_utime", "struct timeval ru_stime", "int64_t ru_maxrss",
    "int64_t ru_ixrss", "int64_t ru_idrss", "int64_t ru_isrss", "int64_t ru_minflt",
    "int64_t ru_majflt", "int64_t ru_nswap", "int64_t ru_inblock", "int64_t ru_oublock",
    "int64_t ru_msgsnd", "int64_t ru_msgrcv", "int64_t ru_nsignals", "int64_t ru_nvcsw",
    "int64_t ru_nivcsw" },
  { "utsname", { c = "struct new_utsname", h = "linux/utsname.h", alias = { "new_utsname" } },
    "char sysname[65]", "char nodename[65]", "char release[65]", "char version[65]",
    "char machine[65]", "char domainname[65]" },
  { "sysinfo", { c = "struct sysinfo", h = "linux/sysinfo.h" },
    "int64_t uptime", "uint64_t loads[3]", "uint64_t totalram", "uint64_t freeram",
    "uint64_t sharedram", "uint64_t bufferram", "uint64_t totalswap", "uint64_t freeswap",
    "uint16_t procs", { "uint16_t _pad", cname = "pad" }, "uint64_t totalhigh",
    "uint64_t freehigh", "uint32_t mem_unit" },
  { "sched_param", { c = "struct sched_param", h = "sched.h" },
    "int32_t sched_priority" },
  { "sched_attr", { c = "struct sched_attr", h = "linux/sched/types.h", min = 48 },
    "uint32_t size", "uint32_t sched_policy", "uint64_t sched_flags", "int32_t sched_nice",
    "uint32_t sched_priority", "uint64_t sched_runtime", "uint64_t sched_deadline",
    "uint64_t sched_period", "uint32_t sched_util_min", "uint32_t sched_util_max" },
  { "clone_args", { c = "struct clone_args", h = "linux/sched.h", min = 64 },
    "uint64_t flags", "ptr pidfd", "ptr child_tid", "ptr parent_tid", "uint64_t exit_signal",
    "ptr stack", "uint64_t stack_size", "ptr tls", "ptr set_tid", "uint64_t set_tid_size",
    "uint64_t cgroup" },
  { "user_cap_header", { c = "struct __user_cap_header_struct", h = "linux/capability.h",
                         alias = { "__user_cap_header_struct", "cap_user_header" } },
    "uint32_t version", "int32_t pid" },
  { "user_cap_data", { c = "struct __user_cap_data_struct", h = "linux/capability.h",
                       alias = { "__user_cap_data_struct", "cap_user_data" } },
    "uint32_t effective", "uint32_t permitted", "uint32_t inheritable" },
  { "robust_list_head", { c = "struct robust_list_head", h = "linux/futex.h" },
    { "ptr list", cname = "list.next" }, "int64_t futex_offset", "ptr list_op_pending" },
  { "rseq", { c = "struct rseq", h = "linux/rseq.h", align = 32, min = 20 },
    "uint32_t cpu_id_start", "uint32_t cpu_id", "uint64_t rseq_cs", "uint32_t flags",
    { "uint32_t node_id", new = true }, { "uint32_t mm_cid", new = true } },
  { "futex_waitv", { c = "struct futex_waitv", h = "linux/futex.h" },
    "uint64_t val", "ptr uaddr", "uint32_t flags", { "uint32_t _reserved", cname = "__reserved" } },
  { "perf_event_attr", { c = "struct perf_event_attr", h = "linux/perf_event.h", min = 64 },
    "uint32_t type", "uint32_t size", "uint64_t config",
    U{ "uint64_t sample_period", "uint64_t sample_freq" },
    "uint64_t sample_type", "uint64_t read_format",
    { "uint64_t flags", cname = false },   -- the bit fields (disabled:1, inherit:1, ...)
    U{ "uint32_t wakeup_events", "uint32_t wakeup_watermark" },
    "uint32_t bp_type",
    U{ "uint64_t bp_addr", "uint64_t kprobe_func", "uint64_t uprobe_path", "uint64_t config1" },
    U{ "uint64_t bp_len", "uint64_t kprobe_addr", "uint64_t probe_offset", "uint64_t config2" },
    "uint64_t branch_sample_type", "uint64_t sample_regs_user", "uint32_t sample_stack_user",
    "int32_t clockid", "uint64_t sample_regs_intr", "uint32_t aux_watermark",
    "uint16_t sample_max_stack", { "uint16_t _reserved_2", cname = "__reserved_2" },
    "uint32_t aux_sample_size", { "uint32_t _reserved_3", cname = "__reserved_3" },
    "uint64_t sig_data", { "uint64_t config3", new = true } },
  { "landlock_ruleset_attr", { c = "struct landlock_ruleset_attr", h = "linux/landlock.h",
                               min = 8 },
    "uint64_t handled_access_fs", { "uint64_t handled_access_net", new = true },
    { "uint64_t scoped", new = true } },

  -- terminals ------------------------------------------------------------
  { "termios", { c = "struct termios", h = "asm/termbits.h" },
    "uint32_t c_iflag", "uint32_t c_oflag", "uint32_t c_cflag", "uint32_t c_lflag",
    "uint8_t c_line", "uint8_t c_cc[19]" },
  { "termios2", { c = "struct termios2", h = "asm/termbits.h" },
    "uint32_t c_iflag", "uint32_t c_oflag", "uint32_t c_cflag", "uint32_t c_lflag",
    "uint8_t c_line", "uint8_t c_cc[19]", "uint32_t c_ispeed", "uint32_t c_ospeed" },
  { "winsize", { c = "struct winsize", h = "asm/termios.h" },
    "uint16_t ws_row", "uint16_t ws_col", "uint16_t ws_xpixel", "uint16_t ws_ypixel" },

  -- io_uring, ipc ----------------------------------------------------------
  { "io_sqring_offsets", { c = "struct io_sqring_offsets", h = "linux/io_uring.h" },
    "uint32_t head", "uint32_t tail", "uint32_t ring_mask", "uint32_t ring_entries",
    "uint32_t flags", "uint32_t dropped", "uint32_t array", "uint32_t resv1",
    { "uint64_t user_addr", cname = "resv2" } },
  { "io_cqring_offsets", { c = "struct io_cqring_offsets", h = "linux/io_uring.h" },
    "uint32_t head", "uint32_t tail", "uint32_t ring_mask", "uint32_t ring_entries",
    "uint32_t overflow", "uint32_t cqes", "uint32_t flags", "uint32_t resv1",
    { "uint64_t user_addr", cname = "resv2" } },
  { "io_uring_params", { c = "struct io_uring_params", h = "linux/io_uring.h" },
    "uint32_t sq_entries", "uint32_t cq_entries", "uint32_t flags", "uint32_t sq_thread_cpu",
    "uint32_t sq_thread_idle", "uint32_t features", "uint32_t wq_fd", "uint32_t resv[3]",
    "struct io_sqring_offsets sq_off", "struct io_cqring_offsets cq_off" },
  { "mq_attr", { c = "struct mq_attr", h = "linux/mqueue.h" },
    "int64_t mq_flags", "int64_t mq_maxmsg", "int64_t mq_msgsize", "int64_t mq_curmsgs",
    { "int64_t _reserved[4]", cname = "__reserved" } },
  { "sembuf", { c = "struct sembuf", h = "sys/sem.h" },
    "uint16_t sem_num", "int16_t sem_op", "int16_t sem_flg" },
}
M.DEFS = DEFS

---------------------------------------------------------------------------
-- Building: parse fields, emit cdef, flatten, generate coders.
---------------------------------------------------------------------------
local BASE = {     -- type -> C type for cdef, kind, is 64-bit
  int8_t = { "int8_t", "int" }, uint8_t = { "uint8_t", "uint" },
  int16_t = { "int16_t", "int" }, uint16_t = { "uint16_t", "uint" },
  int32_t = { "int32_t", "int" }, uint32_t = { "uint32_t", "uint" },
  int64_t = { "int64_t", "int", true }, uint64_t = { "uint64_t", "uint", true },
  char = { "char", "char" },
  ptr = { "uint64_t", "ptr", true },
  be16 = { "uint16_t", "be16" }, be32 = { "uint32_t", "be32" },
}

local byname = {}     -- name or alias -> def record
local order = {}      -- canonical names in declaration order

local function parse_field(spec)
  local f = type(spec) == "table" and spec or { spec }
  local ty, name, dim = f[1]:match("^%s*(.-)%s+([%w_]+)%s*(%b[])%s*$")
  if not ty then ty, name = f[1]:match("^%s*(.-)%s+([%w_]+)%s*$") end
  if not ty then error("structs: bad field spec '" .. tostring(f[1]) .. "'") end
  local r = { name = name, cname = f.cname, new = f.new, len = f.len }
  r.pad = name:sub(1, 1) == "_"
  if r.cname == nil then r.cname = not r.pad and name end
  if dim then
    local n = dim:sub(2, -2)
    r.count = n == "" and 0 or tonumber(n)
    r.flex = n == ""
  end
  local sub = ty:match("^struct%s+([%w_]+)$")
  if sub then
    local d = byname[sub]
    if not d then error("structs: struct " .. sub .. " used before its definition") end
    r.struct, r.cty, r.kind, r.elsize = d.name, "struct ttl_" .. d.name, "struct", d.size
  else
    local b = BASE[ty]
    if not b then error("structs: unknown type '" .. ty .. "'") end
    r.cty, r.kind, r.wide, r.elsize = b[1], b[2], b[3], ffi.sizeof(b[1])
  end
  if f.kind then r.kind = f.kind
  elseif r.count and r.kind == "char" then r.kind = "string"
  elseif r.count and r.kind ~= "struct" then r.array = true end
  return r
end

-- Emits C member declarations into `out` and flattened fields into `flat`.
local function walk(members, out, flat, indent)
  for _, m in ipairs(members) do
    if type(m) == "table" and m.tag then
      out[#out + 1] = indent .. m.tag .. " {"
      walk(m, out, flat, indent .. "  ")
      out[#out + 1] = indent .. "};"
    else
      local f = parse_field(m)
      local decl = f.cty .. " " .. f.name
      if f.count then decl = decl .. "[" .. f.count .. "]" end
      out[#out + 1] = indent .. decl .. ";"
      flat[#flat + 1] = f
    end
  end
end

-- Source text of the decoder and encoder of one definition.
local function gen_coders(d)
  local prelude = "local H = ...\nlocal tonumber, cstr, rawbytes, bswap16, bswap32 = "
    .. "tonumber, H.cstr, H.rawbytes, H.bswap16, H.bswap32\n"
    .. "local tnew = require \"table.new\"\n"
  local dec = { prelude }
  local enc = {}
  local decl = {}  -- nested coders to bind
  local D = {}
  for _, f in ipairs(d.fields) do
    if f.struct and not D[f.struct] then
      D[f.struct] = true
      decl[#decl + 1] = ("local D_%s, E_%s = H.dec.%s, H.enc.%s\n"):format(f.struct, f.struct, f.struct, f.struct)
    end
  end
  local body, ebody = {}, {}
  for _, f in ipairs(d.fields) do
    local n, k = f.name, f.kind
    local src = "p." .. n
    if f.pad then -- luacheck: ignore 542 (padding: neither decoded nor encoded)
    elseif k == "string" then
      body[#body + 1] = ("t.%s = cstr(p.%s, %d)"):format(n, n, f.count)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then H.copystr(p.%s, v, %d) end"):format(n, n, f.count)
    elseif k == "bytes" then
      body[#body + 1] = ("t.%s = rawbytes(p.%s, %d)"):format(n, n, f.count)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then H.copystr(p.%s, v, %d) end"):format(n, n, f.count)
    elseif k == "sunpath" then
      body[#body + 1] = ("t.%s = H.sunpath(p.%s, n - %d)"):format(n, n, f.offset)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then H.copystr(p.%s, v, %d) end"):format(n, n, f.count)
    elseif k == "flexstr" then
      body[#body + 1] = ("t.%s = H.flexstr(p.%s, n - %d)"):format(n, n, f.offset)
    elseif k == "flexbytes" then
      body[#body + 1] = ("t.%s = H.flexbytes(p.%s, n - %d, t.%s)"):format(n, n, f.offset, f.len)
    elseif f.array and k ~= "struct" then
      local conv = f.wide and "tonumber(a[i])" or "a[i]"
      body[#body + 1] = ("do local a, r = p.%s, {} for i = 0, %d do r[i + 1] = %s end t.%s = r end")
        :format(n, f.count - 1, conv, n)
      local set = f.wide and "H.to64(v[i + 1], %s)" or "v[i + 1]"
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then local a = p.%s for i = 0, %d do if v[i + 1] ~= nil then a[i] = "
        .. set .. " end end end"):format(n, n, f.count - 1, f.cty == "int64_t" and "true" or "false")
    elseif k == "struct" and f.count then
      body[#body + 1] = ("do local a, r = p.%s, {} for i = 0, %d do r[i + 1] = D_%s(a[i], %d) end t.%s = r end")
        :format(n, f.count - 1, f.struct, f.elsize, n)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then local a = p.%s for i = 0, %d do"
        .. " if v[i + 1] ~= nil then E_%s(v[i + 1], a[i]) end end end"):format(n, n, f.count - 1, f.struct)
    elseif k == "struct" then
      body[#body + 1] = ("t.%s = D_%s(p.%s, %d)"):format(n, f.struct, n, f.elsize)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then E_%s(v, p.%s) end"):format(n, f.struct, n)
    elseif k == "be16" then
      body[#body + 1] = ("t.%s = bswap16(%s)"):format(n, src)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then p.%s = bswap16(v) end"):format(n, n)
    elseif k == "be32" then
      body[#body + 1] = ("t.%s = bswap32(%s)"):format(n, src)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then p.%s = H.tobe32(v) end"):format(n, n)
    elseif f.wide then
      -- a number; beyond 2^53 the exact value is kept in t._exact[name]
      body[#body + 1] = ("do local c = %s local v = tonumber(c) t.%s = v"
        .. " if v >= 9007199254740992 or v <= -9007199254740992 then H.exact(t, %q, c) end end")
        :format(src, n, n)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then p.%s = H.to64(v, %s, t._exact and t._exact.%s) end")
        :format(n, n, f.cty == "int64_t" and "true" or "false", n)
    else
      body[#body + 1] = ("t.%s = %s"):format(n, src)
      ebody[#ebody + 1] = ("v = t.%s if v ~= nil then p.%s = v end"):format(n, n)
    end
  end
  local post = d.post and "H.post." .. d.name .. "(t, p, n)\n" or ""
  dec[#dec + 1] = concat(decl)
  -- sized for its fields: filling an empty table rehashes it four times
  dec[#dec + 1] = ("return function(p, n)\nlocal t = tnew(0, %d)\n"):format(#body)
    .. concat(body, "\n") .. "\n" .. post .. "return t\nend\n"
  enc[1] = prelude .. concat(decl)
  enc[2] = "return function(t, p)\nlocal v\n" .. concat(ebody, "\n") .. "\nend\n"
  return concat(dec), concat(enc)
end

-- Helpers shared by the generated code.
local H = { dec = {}, enc = {}, post = {} }

function H.cstr(a, max)
  local n = 0
  while n < max and a[n] ~= 0 do n = n + 1 end
  return ffi_string(a, n)
end
function H.rawbytes(a, n) return ffi_string(a, n) end
function H.bswap16(v) return rshift(bswap(v), 16) end
function H.bswap32(v)
  v = bswap(v)
  if v < 0 then v = v + 4294967296 end
  return v
end
function H.tobe32(v) return bswap(band(v, 0xffffffff)) end
function H.copystr(a, s, max)
  local n = #s
  if n > max then n = max end
  ffi_copy(a, s, n)
end
-- sockaddr_un.sun_path with `avail` bytes present: nil when there are none,
-- an abstract name keeps its leading NUL and every byte of the address.
function H.sunpath(a, avail)
  if avail <= 0 then return nil end
  if avail > 108 then avail = 108 end
  if a[0] == 0 then return ffi_string(a, avail) end
  return H.cstr(a, avail)
end
function H.flexstr(a, avail)
  if avail <= 0 then return "" end
  if avail > 4096 then avail = 4096 end
  return H.cstr(a, avail)
end
function H.flexbytes(a, avail, want)
  if avail <= 0 or not want then return "" end
  return ffi_string(a, min(avail, want))
end
local TWO63, TWO64 = 2 ^ 63, 2 ^ 64
local U64MAX = ffi_cast("uint64_t", -1LL)
function H.exact(t, k, c)
  local e = t._exact
  if not e then e = {}; t._exact = e end
  e[k] = c
end
-- a Lua number (or 64-bit cdata) for a 64-bit field; `exact` is the value
-- decode saw, used while the number still stands for it
function H.to64(v, signed, exact)
  if type(v) ~= "number" then return v end              -- cdata passes through
  if exact ~= nil and tonumber(exact) == v then return exact end
  if v < 0 then return ffi_cast("int64_t", v) end
  if v >= TWO63 and not signed then
    if v >= TWO64 then return U64MAX end
    return ffi_cast("uint64_t", ffi_cast("int64_t", v - TWO63)) + 0x8000000000000000ULL
  end
  return v
end

-- old getdents: d_type is the last byte of the record
function H.post.linux_dirent(t, p, n)
  local rl = t.d_reclen
  if rl and rl >= 19 and rl <= n then
    t.d_type = ffi_cast("const uint8_t *", p)[rl - 1]
  end
end

local cdefs = {}
for _, spec in ipairs(DEFS) do
  local name, meta = spec[1], spec[2]
  local members = {}
  for i = 3, #spec do members[#members + 1] = spec[i] end
  local out, flat = {}, {}
  walk(members, out, flat, "  ")
  local head = meta.packed and "struct __attribute__((packed)) ttl_" or "struct ttl_"
  local tail = meta.align and (" __attribute__((aligned(" .. meta.align .. ")))") or ""
  local src = head .. name .. " {\n" .. concat(out, "\n") .. "\n}" .. tail .. ";\n"
  cdefs[#cdefs + 1] = src
  ffi.cdef(src)
  local ct = ffi.typeof("struct ttl_" .. name)
  local d = {
    name = name, ct = ct, ptrct = ffi.typeof("struct ttl_" .. name .. " *"),
    size = ffi.sizeof(ct), fields = flat, meta = meta, cdef = src,
    post = H.post[name],
  }
  for _, f in ipairs(flat) do
    f.offset = ffi.offsetof(ct, f.name)
    f.size = f.elsize * (f.count or 1)
    f.ctype = f.cty .. (f.count and ("[" .. f.count .. "]") or "")
  end
  d.min = meta.min or d.size
  byname[name] = d
  for _, a in ipairs(meta.alias or {}) do byname[a] = d end
  order[#order + 1] = name
end

-- The coders are generated on first use (H.dec.NAME, H.enc.NAME, d.dec,
-- d.enc): generating all of them at load was most of passthru's start-up.
local function gen(name)
  local d = byname[name]
  if not d then return nil end
  local dsrc, esrc = gen_coders(d)
  local dec = assert(loadstring(dsrc, "=structs.decode." .. d.name))(H)
  local enc = assert(loadstring(esrc, "=structs.encode." .. d.name))(H)
  rawset(H.dec, d.name, dec)
  rawset(H.enc, d.name, enc)
  d.dec, d.enc = dec, enc
  return d
end
setmetatable(H.dec, { __index = function(_, name) local d = gen(name); return d and d.dec end })
setmetatable(H.enc, { __index = function(_, name) local d = gen(name); return d and d.enc end })
local lazy_coders = { __index = function(d, k)
  if k == "dec" or k == "enc" then return rawget(gen(d.name), k) end
end }
for _, d in pairs(byname) do setmetatable(d, lazy_coders) end
M.cdef = concat(cdefs)

---------------------------------------------------------------------------
-- API
---------------------------------------------------------------------------
local function get(name)
  local d = byname[name]
  if not d then
    if type(name) == "string" then
      local s = name:match("^struct%s+(.+)$") or name:match("^ttl_(.+)$")
      d = s and byname[s]
    end
    if not d then error("structs: unknown struct '" .. tostring(name) .. "'", 3) end
  end
  return d
end

--- Names of all definitions, in declaration order.
function M.names() return order end

--- Size in bytes of struct `name`.
function M.size(name) return get(name).size end

--- Smallest byte count decode accepts for `name` (older ABI versions,
--- sockaddr family-only prefixes, record headers).
function M.minsize(name) return get(name).min end

--- The cached ctype `struct ttl_<name>`.
function M.ctype(name) return get(name).ct end

--- The ordered, flattened field list of `name`: { name, kind, ctype, offset,
--- size, count, struct, cname, new, pad } per field (read-only, shared).
--- kind: int, uint, ptr, be16, be32, string, bytes, sunpath, flexstr,
--- flexbytes, struct; `array` is true for numeric arrays.
function M.fields(name) return get(name).fields end

--- Definition record (meta: c, h, csrc, min...) for tools such as check-structs.
function M.def(name) return get(name) end

--- Decode `src` (a string of bytes, or a cdata pointer) as struct `name`.
--- `len` optionally limits how many bytes of src are valid (default: #src for
--- a string, the full size for a pointer). Returns a plain table, or
--- nil, "short read" when fewer than minsize(name) bytes are there.
function M.decode(name, src, len)
  local d = get(name)
  local ts = type(src)
  local n, p
  if ts == "string" then
    n = #src
    if len and len < n then n = len end
    if n < d.min then return nil, "short read" end
    if n >= d.size then
      p = ffi_cast(d.ptrct, src)
    else
      p = ffi_new(d.ct)
      ffi_copy(p, src, n)
    end
  elseif ts == "cdata" then
    n = len or d.size
    if n < d.min then return nil, "short read" end
    if n >= d.size then
      p = ffi_cast(d.ptrct, src)
    else
      p = ffi_new(d.ct)
      ffi_copy(p, src, n)
    end
  else
    error("structs.decode: string or cdata expected, got " .. ts, 2)
  end
  return d.dec(p, n)
end

--- Decode `count` consecutive structs `name` from `src` (string). Decodes as
--- many as are complete; returns the list and the number decoded.
function M.decode_array(name, src, count)
  local d = get(name)
  local size, out = d.size, {}
  local n = #src
  count = count or math.floor(n / size)
  local base = ffi_cast("const uint8_t *", src)
  for i = 0, count - 1 do
    local off = i * size
    if off + size > n then break end
    out[i + 1] = d.dec(ffi_cast(d.ptrct, base + off), size)
  end
  return out, #out
end

--- Walk a getdents/getdents64 buffer (`name` = "linux_dirent64" or
--- "linux_dirent"); returns the list of decoded entries (a damaged record
--- ends the walk).
function M.decode_dirents(name, src, len)
  local d = get(name)
  local n = #src
  if len and len < n then n = len end
  local base = ffi_cast("const uint8_t *", src)
  local out, off = {}, 0
  while off + d.min <= n do
    local p = ffi_cast(d.ptrct, base + off)
    local rl = p.d_reclen
    if rl < d.min or off + rl > n then break end
    out[#out + 1] = d.dec(p, rl)
    off = off + rl
  end
  return out
end

local FAMILY_STRUCT = {
  [1] = "sockaddr_un", [2] = "sockaddr_in", [10] = "sockaddr_in6",
  [16] = "sockaddr_nl", [17] = "sockaddr_ll",
}
M.FAMILY_STRUCT = FAMILY_STRUCT
-- the shortest address strace decodes per family (shorter ones print raw)
local FAMILY_MIN = { [1] = 2, [2] = 16, [10] = 24, [16] = 12, [17] = 12 }

--- Decode a socket address of `len` bytes by its family. Returns the table
--- (with `_len` = the address length) and the struct name used, or nil, err.
function M.decode_sockaddr(src, len)
  local n = #src
  if len and len < n then n = len end
  if n < 2 then return nil, "short read" end
  local fam = src:byte(1) + 256 * src:byte(2)
  local name = FAMILY_STRUCT[fam] or "sockaddr"
  local d = byname[name]
  local t
  if n < (FAMILY_MIN[fam] or d.size) then
    name = "sockaddr"                          -- too short for its family
  end
  t = M.decode(name, src, n)
  if t then
    t._len = n
    if name == "sockaddr" then t.sa_data = src:sub(3, n) end
  end
  return t, name
end

--- Encode a socket address table (as decode_sockaddr returns, or hand-made
--- with sin_family/sin6_family/sun_family/... set) into its bytes, cut to
--- the length the kernel expects (sockaddr_un: up to the path's NUL).
function M.encode_sockaddr(t)
  if type(t) ~= "table" then error("structs.encode_sockaddr: table expected", 2) end
  local fam = t.sa_family or t.sin_family or t.sin6_family or t.sun_family
    or t.nl_family or t.sll_family or 0
  local name = FAMILY_STRUCT[fam] or "sockaddr"
  local d = byname[name]
  local famfield = d.fields[1].name
  local src = t
  if t[famfield] == nil then   -- family given as sa_family only
    src = setmetatable({ [famfield] = fam }, { __index = t })
  end
  local s = M.encode(name, src)
  if name == "sockaddr_un" then
    local p = t.sun_path or ""
    local n = 2 + #p + ((p:byte(1) == 0 or p == "") and 0 or 1)
    return s:sub(1, n > d.size and d.size or n)
  elseif name == "sockaddr" then
    local n = 2 + #(t.sa_data or "")
    if n > 16 then return s:sub(1, 2) .. t.sa_data end
    return s:sub(1, n < 16 and 16 or n)
  end
  return s
end

--- Split a msg_control buffer into its control messages: a list of
--- { cmsg_len, cmsg_level, cmsg_type, cmsg_data = bytes }.
function M.decode_cmsgs(src, len)
  local n = #src
  if len and len < n then n = len end
  local out, off = {}, 0
  local hsize = byname.cmsghdr.size
  while off + hsize <= n do
    local h = M.decode("cmsghdr", src:sub(off + 1, off + hsize))
    local cl = h.cmsg_len
    if cl < hsize then break end
    local stop = off + cl
    if stop > n then stop = n end
    h.cmsg_data = src:sub(off + hsize + 1, stop)
    out[#out + 1] = h
    off = off + math.ceil(cl / 8) * 8
  end
  return out
end

--- Encode table `t` as the bytes of struct `name` (missing fields are 0).
--- For records with a flexible tail (dirents, file_handle) the tail string
--- is appended (NUL-terminated for names) and, for dirents, d_reclen is set
--- when missing.
function M.encode(name, t)
  local d = get(name)
  if type(t) ~= "table" then error("structs.encode: table expected", 2) end
  local buf = ffi_new(d.ct)
  d.enc(t, buf)
  local s = ffi_string(buf, d.size)
  local last = d.fields[#d.fields]
  if last.kind == "flexstr" then
    local hdr = last.offset
    local tailv = (t[last.name] or "") .. "\0"
    local total = hdr + #tailv
    if d.meta.reclen then total = math.ceil(total / 8) * 8 end
    if d.meta.reclen and t[d.meta.reclen] == nil then
      buf[d.meta.reclen] = total
      s = ffi_string(buf, d.size)
    end
    s = s:sub(1, hdr) .. tailv
    if #s < total then s = s .. ("\0"):rep(total - #s) end
  elseif last.kind == "flexbytes" then
    s = s:sub(1, last.offset) .. (t[last.name] or "")
  end
  return s
end

--- Fill cdata `dst` (a pointer to struct `name`) from table `t` in place.
function M.encode_into(name, t, dst)
  local d = get(name)
  local p = ffi_cast(d.ptrct, dst)
  ffi_fill(p, d.size)
  d.enc(t, p)
  return p
end

return M
