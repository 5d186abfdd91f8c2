-- ttlua.core: the C core as seen through the LuaJIT FFI.
-- Declares the event structure shared with src/event.h and the ttl_*
-- functions exported by the ttlua executable, and wraps the memory calls
-- so they return Lua strings or `nil, "EFAULT: Bad address", "EFAULT"`.
local ffi = require "ffi"

ffi.cdef [[
struct ttl_event {
  int32_t kind;
  int32_t tid, pid;
  int32_t arch;
  int64_t nr;
  int64_t args[6];
  int64_t ret;
  uint64_t ip, sp;
  int32_t child;
  int32_t child_pid;
  int64_t flags;
  int32_t sig;
  int32_t status;
  int32_t stop;
  int32_t attached;
  uint8_t siginfo[128];
  int32_t action;
  int32_t pad;
  int64_t value;
  int64_t inj_nr;
  int64_t inj_args[6];
};
extern struct ttl_event ttl_ev;
struct ttl_tracer_stats {
  uint64_t stops, seccomp_stops, exit_stops, injections, events, signals;
  uint64_t entry_stops, syscall_events, entry_answers, exit_requests;
};
extern struct ttl_tracer_stats tracer_stats;

int64_t ttl_mem_read(int pid, uint64_t addr, void *buf, size_t len);
int64_t ttl_mem_write(int pid, uint64_t addr, const void *buf, size_t len);
int64_t ttl_mem_readstr(int pid, uint64_t addr, char *buf, size_t max, int *complete);
int ttl_poke(int tid, int slot, int64_t value);
int ttl_resume(int tid, int action, int64_t value, int64_t inj_nr, const int64_t *inj_args);
void ttl_log(const char *s, size_t n);
size_t ttl_quote(uint8_t *dst, const uint8_t *src, size_t n, int hex);
void ttl_log_flush(void);
int ttl_log_open(const char *path);
int ttl_filter_init(int all);
int ttl_filter_trace(int nr);
int ttl_filter_rule(int nr, int action, int errno_value, int ncmp, const int *args,
                    const int *ops, const uint64_t *a, const uint64_t *b);
int ttl_filter_traced(int nr);
int ttl_filter_build(void);
int ttl_filter_dump(int fd);
void ttl_set_vdso_hiding(int on);
void ttl_set_timer(double seconds);
int ttl_event_size(void);
int ttl_attach(int pid);
void ttl_detach_all(void);
void ttl_cpu_time(double *user, double *sys);
const char *ttl_version(void);
char *strerror(int errnum);
]]

local C = ffi.C
local M = {}

-- Event kinds and actions (src/event.h).
M.EV = {
  SYSCALL = 1, SYSCALL_EXIT = 2, INJECT_DONE = 3, SPAWN = 4, FORK = 5, EXEC = 6,
  EXIT = 7, SIGNAL = 8, GROUP_STOP = 9, TIMER = 10, INTERRUPT = 11,
}
M.ACT = { CONT = 0, RUN = 1, RETURN = 2, INJECT = 3, HOLD = 4, KILL = 5, DETACH = 6 }
-- Register slots (src/regs.h).
M.REG = { ARG0 = 0, NR = 6, RESULT = 7, IP = 8, SP = 9 }
-- Stop kinds (src/tracee.h).
M.STOP = { NONE = 0, SECCOMP = 1, ENTRY = 2, EXIT = 3, EVENT = 4, SIGNAL = 5, GROUP = 6 }
M.ARCH = { [0] = "x86_64", [1] = "i386", [2] = "x32", [3] = "unknown" }

M.C = C
M.ev = C.ttl_ev
M.stats = C.tracer_stats

local errno_mod
local function errno_name(e)
  errno_mod = errno_mod or require "ttlua.errno"
  return errno_mod.name[e] or ("E" .. e)
end

-- Turn -errno into Lua's (nil, "ENAME: message", "ENAME") convention.
local function fail(neg)
  local e = -tonumber(neg)
  local name = errno_name(e)
  return nil, name .. ": " .. ffi.string(C.strerror(e)), name
end
M.fail = fail

local bufsize = 65536
local buf = ffi.new("uint8_t[?]", bufsize)
local function scratch_buf(n)
  if n > bufsize then
    bufsize = n
    buf = ffi.new("uint8_t[?]", bufsize)
  end
  return buf
end

-- Read len bytes at addr of process pid.  A range that becomes unreadable
-- part-way returns the readable head; nothing readable returns nil, err.
function M.read(pid, addr, len)
  len = tonumber(len)
  if len <= 0 then return "" end
  local b = scratch_buf(len)
  local n = C.ttl_mem_read(pid, addr, b, len)
  if n < 0 then return fail(n) end
  return ffi.string(b, n)
end

-- The same without making a Lua string: returns the scratch buffer (valid
-- until the next read) and the byte count, or nil, err.  For the printer.
function M.read_scratch(pid, addr, len)
  local b = scratch_buf(len)
  local n = C.ttl_mem_read(pid, addr, b, len)
  if n < 0 then return fail(n) end
  return b, tonumber(n)
end

local complete = ffi.new("int[1]")
-- A string is read into a buffer of its maximum size: whatever -s says,
-- at most this much (a string cut there ends in "...").
M.STR_CAP = 1024 * 1024
-- Read a NUL-terminated string of at most max bytes.  Returns the string
-- and whether it ended (false: cut at max or at unreadable memory).
function M.readstr(pid, addr, max)
  max = max or 4096
  if max > M.STR_CAP then max = M.STR_CAP end
  local b = scratch_buf(max + 1)
  local n = C.ttl_mem_readstr(pid, addr, ffi.cast("char *", b), max, complete)
  if n < 0 then return fail(n) end
  return ffi.string(b, n), complete[0] == 1
end

-- readstr() into the scratch buffer: buffer, length, complete; or nil, err.
function M.readstr_scratch(pid, addr, max)
  if max > M.STR_CAP then max = M.STR_CAP end
  local b = scratch_buf(max + 1)
  local n = C.ttl_mem_readstr(pid, addr, ffi.cast("char *", b), max, complete)
  if n < 0 then return fail(n) end
  return b, tonumber(n), complete[0] == 1
end

function M.write(pid, addr, bytes)
  local n = C.ttl_mem_write(pid, addr, bytes, #bytes)
  if n < 0 then return fail(n) end
  return tonumber(n)
end

function M.log(s)
  C.ttl_log(s, #s)
end

function M.cpu_time()
  local u, s = ffi.new("double[1]"), ffi.new("double[1]")
  C.ttl_cpu_time(u, s)
  return u[0], s[0]
end

local inj_args = ffi.new("int64_t[6]")
-- Resume a held tracee with an action (see M.ACT).
function M.resume(tid, action, value, inj_nr, a)
  if a then
    for i = 0, 5 do inj_args[i] = a[i + 1] or 0 end
  end
  return C.ttl_resume(tid, action, value or 0, inj_nr or 0, inj_args)
end

return M
