-- ttlua.decode.ptrace: ptrace(2).
--   ptrace_req   the request (PTRACE_SEIZE, ...); value: the number
-- The addr and data arguments print by request: a signal for PTRACE_CONT,
-- options for PTRACE_SEIZE/SETOPTIONS, a struct user offset for
-- PEEKUSER/POKEUSER (8*RAX, offsetof(struct user, u_debugreg)+8), the word
-- PEEK* and GETEVENTMSG store through data ([0x...]) at exit, siginfo for
-- GETSIGINFO/SETSIGINFO, sigmasks; any other data pointer as an address.
local U = require "ttlua.decode.util"
local signal = require "ttlua.decode.signal"

local TRACEME, PEEKTEXT, PEEKDATA, PEEKUSER, POKEUSER = 0, 1, 2, 3, 6
local CONT, KILL, SINGLESTEP, ATTACH, DETACH, SYSCALL = 7, 8, 9, 16, 17, 24
local SETOPTIONS, GETEVENTMSG, GETSIGINFO, SETSIGINFO = 0x4200, 0x4201, 0x4202, 0x4203
local GETREGSET, SETREGSET, SEIZE, INTERRUPT, LISTEN = 0x4204, 0x4205, 0x4206, 0x4207, 0x4208
local PEEKSIGINFO, GETSIGMASK, SETSIGMASK = 0x4209, 0x420a, 0x420b
local SECCOMP_GET_FILTER, SECCOMP_GET_METADATA, GET_SYSCALL_INFO = 0x420c, 0x420d, 0x420e
local SYSEMU, SYSEMU_SINGLESTEP, SINGLEBLOCK = 31, 32, 33

-- struct user offsets, as strace names them
local UOFF = {
  { 0, "8*R15" }, { 8, "8*R14" }, { 16, "8*R13" }, { 24, "8*R12" }, { 32, "8*RBP" },
  { 40, "8*RBX" }, { 48, "8*R11" }, { 56, "8*R10" }, { 64, "8*R9" }, { 72, "8*R8" },
  { 80, "8*RAX" }, { 88, "8*RCX" }, { 96, "8*RDX" }, { 104, "8*RSI" }, { 112, "8*RDI" },
  { 120, "8*ORIG_RAX" }, { 128, "8*RIP" }, { 136, "8*CS" }, { 144, "8*EFL" }, { 152, "8*RSP" },
  { 160, "8*SS" },
  { 216, "offsetof(struct user, u_fpvalid)" }, { 224, "offsetof(struct user, i387)" },
  { 736, "offsetof(struct user, u_tsize)" }, { 744, "offsetof(struct user, u_dsize)" },
  { 752, "offsetof(struct user, u_ssize)" }, { 760, "offsetof(struct user, start_code)" },
  { 768, "offsetof(struct user, start_stack)" }, { 776, "offsetof(struct user, signal)" },
  { 784, "offsetof(struct user, reserved)" }, { 792, "offsetof(struct user, u_ar0)" },
  { 800, "offsetof(struct user, u_fpstate)" }, { 808, "offsetof(struct user, magic)" },
  { 816, "offsetof(struct user, u_comm)" }, { 848, "offsetof(struct user, u_debugreg)" },
  { 912, "sizeof(struct user)" },
}

local function user_offset(addr)
  local best
  for _, e in ipairs(UOFF) do
    if e[1] <= addr then best = e else break end
  end
  if not best or (addr > best[1] and best[1] == 912) then return U.ptr(addr) end
  if addr == best[1] then return best[2] end
  return best[2] .. "+" .. U.udec(addr - best[1])
end

local function req_text(r) return U.enum_x("ptrace_req", r, "PTRACE_???") end

-- data printed at exit, per request
local AT_EXIT = { [PEEKTEXT] = true, [PEEKDATA] = true, [PEEKUSER] = true, [GETEVENTMSG] = true,
                  [GETSIGINFO] = true, [GETSIGMASK] = true, [PEEKSIGINFO] = true,
                  [SECCOMP_GET_FILTER] = true, [GET_SYSCALL_INFO] = true }

local function entry(c)
  local a = c._args
  local req, pid, addr, data = a[1], U.s32(a[2]), a[3], a[4]
  local s = req_text(req)
  if req == TRACEME then return s end
  s = s .. ", " .. pid
  if req == ATTACH or req == INTERRUPT or req == KILL or req == LISTEN then return s end
  s = s .. ", "
  if req == PEEKUSER or req == POKEUSER then s = s .. user_offset(addr)
  elseif req == GETREGSET or req == SETREGSET then
    s = s .. U.enum_x("nt_descriptor_types", U.u32(addr), "NT_???")
  elseif req == GETSIGMASK or req == SETSIGMASK or req == SECCOMP_GET_FILTER
    or req == SECCOMP_GET_METADATA or req == GET_SYSCALL_INFO then
    s = s .. U.udec(addr)
  elseif req == PEEKSIGINFO then
    local b = U.readn(c, addr, 16)
    if b then
      s = s .. "{off=" .. U.get_u64_text(b, 0) .. ", flags="
        .. U.set("ptrace_peeksiginfo_flags", U.get_u32(b, 2)) .. ", nr=" .. U.get_i32(b, 3) .. "}"
    else
      s = s .. U.ptr(addr)
    end
  else
    s = s .. U.ptr(addr)
  end
  s = s .. ", "
  if req == CONT or req == DETACH or req == SYSCALL or req == SINGLESTEP or req == SINGLEBLOCK
    or req == SYSEMU or req == SYSEMU_SINGLESTEP then
    return s .. U.signal(U.s32(data))
  elseif req == SEIZE or req == SETOPTIONS or req == 0x15 --[[OLDSETOPTIONS]] then
    return s .. U.set("ptrace_options", data)
  elseif req == SETSIGINFO then
    return s .. U.pstruct(c, data, "siginfo")
  elseif req == SETSIGMASK then
    return s .. signal.sigset_text(c, data, addr)
  elseif AT_EXIT[req] then
    c._pt_exit = true
    return s
  end
  return s .. U.ptr(data)
end

local function exit(c)
  if not c._pt_exit then return "" end
  local a = c._args
  local req, addr, data = a[1], a[3], a[4]
  local failed = U.failed(c)
  if data == 0 then return "NULL" end
  if req == PEEKTEXT or req == PEEKDATA or req == PEEKUSER or req == GETEVENTMSG then
    local v = not failed and U.read_u64(c, data)
    if not v then return U.ptr(data) end
    if req == GETEVENTMSG then return "[" .. U.udec(v) .. "]" end
    return "[" .. U.ptr(v) .. "]"
  elseif req == GETSIGINFO then
    if failed then return U.ptr(data) end
    return U.pstruct(c, data, "siginfo")
  elseif req == GETSIGMASK then
    if failed then return U.ptr(data) end
    return signal.sigset_text(c, data, addr)
  end
  return U.ptr(data)
end

U.call("ptrace", { entry = entry, exit = exit })

U.type("ptrace_req", {
  value = function(_, raw) return raw end,
  format = function(_, raw) return req_text(raw) end,
  encode = function(_, v) return v end,
})

return { user_offset = user_offset }
