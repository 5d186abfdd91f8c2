-- ttlua.decode.prctl: prctl(2) and arch_prctl(2).
--   prctl_opt          the option (PR_SET_NAME, ...); value: the number
--   prctl_arg(OPTION)  arguments 2..5 by option: PR_SET_NAME's name (value: the
--                      string), signals, capabilities, flags; the rest are numbers
-- strace prints only the arguments an option uses, and some results with
-- their meaning: prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER).
local U = require "ttlua.decode.util"

local concat = table.concat

local PR = {
  SET_PDEATHSIG = 1, GET_PDEATHSIG = 2, GET_DUMPABLE = 3, SET_DUMPABLE = 4,
  GET_UNALIGN = 5, SET_UNALIGN = 6, GET_KEEPCAPS = 7, SET_KEEPCAPS = 8,
  GET_FPEMU = 9, SET_FPEMU = 10, GET_FPEXC = 11, SET_FPEXC = 12, GET_TIMING = 13,
  SET_TIMING = 14, SET_NAME = 15, GET_NAME = 16, GET_ENDIAN = 19, SET_ENDIAN = 20,
  GET_SECCOMP = 21, SET_SECCOMP = 22, CAPBSET_READ = 23, CAPBSET_DROP = 24,
  GET_TSC = 25, SET_TSC = 26, GET_SECUREBITS = 27, SET_SECUREBITS = 28,
  SET_TIMERSLACK = 29, GET_TIMERSLACK = 30, TASK_PERF_EVENTS_DISABLE = 31,
  TASK_PERF_EVENTS_ENABLE = 32, MCE_KILL = 33, MCE_KILL_GET = 34, SET_MM = 35,
  SET_CHILD_SUBREAPER = 36, GET_CHILD_SUBREAPER = 37, SET_NO_NEW_PRIVS = 38,
  GET_NO_NEW_PRIVS = 39, GET_TID_ADDRESS = 40, SET_THP_DISABLE = 41,
  GET_THP_DISABLE = 42, SET_FP_MODE = 45, GET_FP_MODE = 46, CAP_AMBIENT = 47,
  SET_SPECULATION_CTRL = 53, GET_SPECULATION_CTRL = 52, SET_IO_FLUSHER = 57,
  SET_VMA = 0x53564d41, SET_PTRACER = 0x59616d61,
}

local NAME_LEN = 16

local function hexargs(a, from)
  local out = {}
  for i = from, 5 do out[#out + 1] = U.x(a[i]) end
  return #out > 0 and (", " .. concat(out, ", ")) or ""
end

local function signal_at(c, addr)
  if U.failed(c) then return U.ptr(addr) end
  local v = U.read_u32(c, addr)
  return v and ("[" .. U.signal(v) .. "]") or U.ptr(addr)
end

local function uint_at(c, addr)
  if U.failed(c) then return U.ptr(addr) end
  local v = U.read_u32(c, addr)
  return v and ("[" .. v .. "]") or U.ptr(addr)
end

local function name_text(c, addr, max)
  if addr == 0 then return "NULL" end
  local s, complete = U.readstr(c, addr, max)
  if not s then return U.ptr(addr) end
  return U.quote.quote(s) .. (complete and "" or "...")
end

-- entry text after the option, and an exit function (or nil)
local function prctl_entry(c)
  local a = c._args
  local opt = U.u32(a[1])
  local s = U.enum_x("prctl_opt", opt, "PR_???")
  if opt == PR.GET_KEEPCAPS or opt == PR.GET_SECCOMP or opt == PR.GET_TIMERSLACK
    or opt == PR.GET_TIMING or opt == PR.TASK_PERF_EVENTS_DISABLE
    or opt == PR.TASK_PERF_EVENTS_ENABLE or opt == PR.GET_DUMPABLE
    or opt == PR.GET_SECUREBITS or opt == PR.GET_FP_MODE then
    return s
  elseif opt == PR.GET_CHILD_SUBREAPER or opt == PR.GET_ENDIAN or opt == PR.GET_FPEMU
    or opt == PR.GET_FPEXC then
    return s .. ", ", function() return uint_at(c, a[2]) end
  elseif opt == PR.GET_NAME then
    return s .. ", ", function()
      if U.failed(c) then return U.ptr(a[2]) end
      return name_text(c, a[2], NAME_LEN)
    end
  elseif opt == PR.GET_PDEATHSIG then
    return s .. ", ", function() return signal_at(c, a[2]) end
  elseif opt == PR.GET_TID_ADDRESS then
    return s .. ", ", function()
      if U.failed(c) then return U.ptr(a[2]) end
      local v = U.read_u64(c, a[2])
      return v and ("[" .. U.ptr(v) .. "]") or U.ptr(a[2])
    end
  elseif opt == PR.SET_CHILD_SUBREAPER or opt == PR.SET_ENDIAN or opt == PR.SET_FPEMU
    or opt == PR.SET_FPEXC or opt == PR.SET_KEEPCAPS or opt == PR.SET_TIMING then
    return s .. ", " .. U.udec(a[2])
  elseif opt == PR.SET_DUMPABLE then
    return s .. ", " .. U.enum_x("pr_dumpable", a[2], "SUID_DUMP_???")
  elseif opt == PR.CAPBSET_DROP or opt == PR.CAPBSET_READ then
    return s .. ", " .. U.enum_x("cap", a[2], "CAP_???")
  elseif opt == PR.CAP_AMBIENT then
    s = s .. ", " .. U.enum_x("pr_cap_ambient", a[2], "PR_CAP_AMBIENT_???")
    if a[2] >= 1 and a[2] <= 3 then
      return s .. ", " .. U.enum_x("cap", a[3], "CAP_???") .. hexargs(a, 4)
    end
    return s .. hexargs(a, 3)
  elseif opt == PR.SET_NAME then
    return s .. ", " .. name_text(c, a[2], NAME_LEN - 1)
  elseif opt == PR.SET_VMA then
    s = s .. ", " .. U.enum_x("pr_set_vma", a[2], "PR_SET_VMA_???")
    if a[2] == 0 then
      return s .. ", " .. U.ptr(a[3]) .. ", " .. U.udec(a[4]) .. ", " .. U.str(c, a[5])
    end
    return s .. hexargs(a, 3)
  elseif opt == PR.SET_MM then
    return s .. ", " .. U.enum_x("pr_set_mm", U.u32(a[2]), "PR_SET_MM_???") .. hexargs(a, 3)
  elseif opt == PR.SET_PDEATHSIG then
    return s .. ", " .. (a[2] > 128 and U.udec(a[2]) or U.signal(a[2]))
  elseif opt == PR.SET_PTRACER then
    if U.s32(a[2]) == -1 then return s .. ", PR_SET_PTRACER_ANY" end
    return s .. ", " .. U.dec(U.s32(a[2]))
  elseif opt == PR.SET_SECCOMP then
    s = s .. ", " .. U.enum_x("seccomp_mode", a[2], "SECCOMP_MODE_???")
    if a[2] == 1 then return s end
    if a[2] == 2 then
      local ok, seccomp = pcall(require, "ttlua.decode.seccomp")
      return s .. ", " .. (ok and seccomp.fprog_text(c, a[3]) or U.ptr(a[3]))
    end
    return s .. hexargs(a, 3)
  elseif opt == PR.SET_SECUREBITS then
    return s .. ", " .. U.set("secbits", a[2])
  elseif opt == PR.SET_TIMERSLACK then
    return s .. ", " .. U.dec(a[2])
  elseif opt == PR.SET_NO_NEW_PRIVS or opt == PR.SET_THP_DISABLE or opt == PR.SET_IO_FLUSHER then
    return s .. ", " .. U.udec(a[2]) .. hexargs(a, 3)
  end
  return s .. hexargs(a, 2)
end

local function prctl_result(c)
  if U.failed(c) then return nil end
  local opt, r = U.u32(c._args[1]), c.result
  if opt == PR.GET_DUMPABLE then
    local n = U.name("pr_dumpable", r)
    return n and (U.dec(r) .. " (" .. n .. ")") or nil
  elseif opt == PR.GET_SECUREBITS then
    if r == 0 then return nil end
    return U.x(r) .. " (" .. U.set("secbits", r) .. ")"
  end
  return nil
end

U.call("prctl", {
  entry = function(c)
    local s, exit = prctl_entry(c)
    c._pexit = exit or false
    return s
  end,
  exit = function(c)
    local f = c._pexit
    return f and f() or ""
  end,
  result = prctl_result,
})

U.type("prctl_opt", {
  value = function(_, raw) return U.u32(raw) end,
  format = function(_, raw) return U.enum_x("prctl_opt", U.u32(raw), "PR_???") end,
  encode = function(_, v) return v end,
})

U.type("prctl_arg", {
  value = function(c, raw, arg)
    local opt = U.u32(c._args[1])
    if arg.index == 2 and opt == PR.SET_NAME then
      return raw ~= 0 and (U.readstr(c, raw, NAME_LEN - 1)) or nil
    end
    if arg.index == 2 and opt == PR.GET_NAME and c.result ~= nil and not U.failed(c) then
      return (U.readstr(c, raw, NAME_LEN))
    end
    return raw
  end,
  format = function(_, raw) return U.x(raw) end,
  encode = function(c, v)
    if type(v) == "string" then return c.proc:alloc_string(v) end
    return v
  end,
})

-- ---- arch_prctl --------------------------------------------------------------------

local ARCH_SET_GS, ARCH_SET_FS, ARCH_GET_FS, ARCH_GET_GS = 0x1001, 0x1002, 0x1003, 0x1004
local ARCH_GET_CPUID = 0x1011
local XCOMP_GET = { [0x1021] = true, [0x1022] = true, [0x1024] = true }
local XCOMP_REQ = { [0x1023] = true, [0x1025] = true }
local _ = ARCH_SET_GS + ARCH_SET_FS

U.call("arch_prctl", {
  entry = function(c)
    local code = U.u32(c._args[1])
    local s = U.enum_x("arch_prctl_code", code, "ARCH_???")
    if code == ARCH_GET_FS or code == ARCH_GET_GS or XCOMP_GET[code] then return s .. ", " end
    if code == ARCH_GET_CPUID then return s end
    return s .. ", " .. U.x(c._args[2])
  end,
  exit = function(c)
    local code = U.u32(c._args[1])
    local addr = c._args[2]
    if code == ARCH_GET_FS or code == ARCH_GET_GS then
      if U.failed(c) then return U.ptr(addr) end
      local v = U.read_u64(c, addr)
      return v and ("[" .. U.ptr(v) .. "]") or U.ptr(addr)
    elseif XCOMP_GET[code] then
      if U.failed(c) then return U.ptr(addr) end
      local v = U.read_u64(c, addr)
      return v and ("[" .. U.x(v) .. "]") or U.ptr(addr)
    end
    return ""
  end,
  result = function(c)
    if XCOMP_REQ[U.u32(c._args[1])] and c.result and c.result > 0 then return U.x(c.result) end
    return nil
  end,
})

return {}
