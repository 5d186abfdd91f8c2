-- ttlua.guard: what keeps every tracee traced, whatever the policy handles.
-- The engine runs these checks before any handler (engine.guards); the
-- filter always stops the calls they need (src/guard.c, which also clears
-- CLONE_UNTRACED from clone's flags register).
--   clone3   its flags live in tracee memory, where another thread could
--            set CLONE_UNTRACED again after a check: the arguments are
--            copied into scratch memory the tracee can only read, with the
--            flag cleared, and the call is pointed at the copy.
--   ptrace   PTRACE_ATTACH/PTRACE_SEIZE of ttlua itself: EPERM (attaching
--            to another tracee gets EPERM from the kernel: it is traced).
-- A guard that cannot do its job refuses the call: it fails closed.
local ffi = require "ffi"
local bit = require "bit"

ffi.cdef [[
int getpid(void);
]]

local M = {}

local CLONE_UNTRACED = 0x00800000ULL
local PTRACE_ATTACH, PTRACE_SEIZE = 16, 0x4206
local EPERM, ENOMEM, EFAULT, ENOSYS = 1, 12, 14, 38
local CLONE_ARGS_MIN, PAGE = 64, 4096

local self_pid = ffi.C.getpid()

function M.clone3(call)
  local addr, size = call:raw(1), call:raw(2)
  -- sizes the kernel refuses before it reads anything
  if size < CLONE_ARGS_MIN or size > PAGE then return nil end
  local bytes = call.proc:read(addr, size)
  if not bytes or #bytes < size then return -EFAULT end
  local copy = ffi.new("uint8_t[?]", size)
  ffi.copy(copy, bytes, size)
  local flags = ffi.cast("uint64_t *", copy)
  flags[0] = bit.band(flags[0], bit.bnot(CLONE_UNTRACED))
  local ok, at = pcall(call.proc.alloc_bytes, call.proc, ffi.string(copy, size))
  if not ok then return -ENOMEM end
  call.args[1] = at
  return nil
end

-- clone3 from int 0x80 or x32: a 32-bit pointer cannot reach the scratch
-- mapping, and glibc falls back to clone (whose flags are a register).
function M.clone3_compat()
  return -ENOSYS
end

function M.ptrace(call)
  local req, pid = bit.tobit(call:raw(1)), bit.tobit(call:raw(2))
  if (req == PTRACE_ATTACH or req == PTRACE_SEIZE) and pid == self_pid then
    return -EPERM
  end
  return nil
end

function M.install(engine)
  local g = engine.guards
  g[0].clone3, g[0].ptrace = M.clone3, M.ptrace
  for _, arch in ipairs({ 1, 2 }) do
    g[arch].clone3, g[arch].ptrace = M.clone3_compat, M.ptrace
  end
end

return M
