-- ttlua.decode.process: clone, clone3, wait4, waitid, setns, unshare.
--   clone_flags   clone(2)'s flags with the exit signal in the low byte
--   clone_args(SIZE)  clone3's struct clone_args; value: the decoded table
--   wstatus_out   wait4's status word: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}];
--                 value: { status = n, exited = code | nil, signal = n | nil,
--                 core = bool, stopped = n | nil, continued = bool }
-- clone prints named arguments (child_stack=, flags=, parent_tid=, tls=,
-- child_tidptr=) and the ones the kernel writes at exit, as strace does.
local bit = require "bit"
local U = require "ttlua.decode.util"

local band, bor, bnot, rshift = bit.band, bit.bor, bit.bnot, bit.rshift
local format, concat = string.format, table.concat

local CSIGNAL = 0xff
local CLONE_PIDFD, CLONE_SETTLS, CLONE_PARENT_SETTID = 0x1000, 0x80000, 0x100000
local CLONE_CHILD_CLEARTID, CLONE_CHILD_SETTID = 0x200000, 0x1000000
local CLONE_INTO_CGROUP_HI = 2 -- 0x200000000 >> 32

-- clone(2) flags: names, then |SIGNAL (or the signal alone)
local function clone_flags_text(v)
  local sig = band(v, CSIGNAL)
  local lo = band(v % 4294967296, bnot(CSIGNAL)) % 4294967296
  local hi = math.floor(v / 4294967296)
  local flags = hi * 4294967296 + lo
  if flags ~= 0 then
    local s = U.set("clone_flags", flags)
    if sig ~= 0 then s = s .. "|" .. U.signal(sig) end
    return s
  end
  return U.signal(sig)
end

U.type("clone_flags", {
  value = function(_, raw) return raw end,
  format = function(_, raw) return clone_flags_text(raw) end,
  encode = function(_, v) return v end,
})

-- an int the tracee points to, as [N]
local function pnum(call, addr)
  if addr == 0 then return "NULL" end
  local v = not U.failed(call) and U.read_i32(call, addr)
  if not v then return U.ptr(addr) end
  return "[" .. v .. "]"
end

U.call("clone", {
  entry = function(c)
    return "child_stack=" .. U.ptr(U.raw(c, 2)) .. ", flags=" .. clone_flags_text(U.raw(c, 1))
  end,
  exit = function(c)
    local f = band(U.raw(c, 1) % 4294967296, bnot(CSIGNAL))
    local out = {}
    if band(f, CLONE_PARENT_SETTID + CLONE_PIDFD) ~= 0 then
      out[#out + 1] = ", parent_tid=" .. pnum(c, U.raw(c, 3))
    end
    if band(f, CLONE_SETTLS) ~= 0 then out[#out + 1] = ", tls=" .. U.ptr(U.raw(c, 5)) end
    if band(f, CLONE_CHILD_SETTID + CLONE_CHILD_CLEARTID) ~= 0 then
      out[#out + 1] = ", child_tidptr=" .. U.ptr(U.raw(c, 4))
    end
    return concat(out)
  end,
})

-- ---- clone3 ----------------------------------------------------------------------

local CLONE_ARGS_MIN = 64 -- offsetofend(struct clone_args, tls)

local function read_args(c, addr, size)
  local fetch = size < 88 and size or 88
  if fetch < CLONE_ARGS_MIN then return nil end
  local b = U.read(c, addr, fetch)
  if not b or #b < fetch then return nil end
  return U.structs().decode("clone_args", b), fetch
end

local function flags_hi(v) return math.floor(v / 4294967296) end

local function clone_args_text(c, t, fetch)
  local fl = t.flags
  local lo = fl % 4294967296
  local function has(b) return band(lo, b) ~= 0 end
  local p = { "{flags=" .. U.set("clone3_flags", fl) }
  if has(CLONE_PIDFD) then p[#p + 1] = "pidfd=" .. U.ptr(t.pidfd) end
  if has(CLONE_CHILD_SETTID + CLONE_CHILD_CLEARTID) then p[#p + 1] = "child_tid=" .. U.ptr(t.child_tid) end
  if has(CLONE_PARENT_SETTID) then p[#p + 1] = "parent_tid=" .. U.ptr(t.parent_tid) end
  if t.exit_signal < 2147483647 then
    p[#p + 1] = "exit_signal=" .. U.signal(t.exit_signal)
  else
    p[#p + 1] = "exit_signal=" .. U.udec(t.exit_signal)
  end
  p[#p + 1] = "stack=" .. U.ptr(t.stack)
  p[#p + 1] = "stack_size=" .. U.x(t.stack_size)
  if has(CLONE_SETTLS) then p[#p + 1] = "tls=" .. U.ptr(t.tls) end
  if t.set_tid ~= 0 or t.set_tid_size ~= 0 then
    if t.set_tid == 0 or t.set_tid_size == 0 or t.set_tid_size > 32 then
      p[#p + 1] = "set_tid=" .. U.ptr(t.set_tid)
    else
      local b = U.readn(c, t.set_tid, 4 * t.set_tid_size)
      if b then
        local ids = {}
        for i = 0, t.set_tid_size - 1 do ids[#ids + 1] = U.dec(U.get_i32(b, i)) end
        p[#p + 1] = "set_tid=[" .. concat(ids, ", ") .. "]"
      else
        p[#p + 1] = "set_tid=" .. U.ptr(t.set_tid)
      end
    end
    p[#p + 1] = "set_tid_size=" .. U.udec(t.set_tid_size)
  end
  if fetch > 80 and (t.cgroup ~= 0 or band(flags_hi(fl), CLONE_INTO_CGROUP_HI) ~= 0) then
    p[#p + 1] = "cgroup=" .. U.udec(t.cgroup)
  end
  return concat(p, ", ") .. "}"
end

U.type("clone_args", {
  value = function(c, raw, arg)
    local i = c.spec.argi[arg.param]
    return (read_args(c, raw, i and c._args[i] or 88))
  end,
  format = function(c, raw, arg)
    local i = c.spec.argi[arg.param]
    local t, fetch = read_args(c, raw, i and c._args[i] or 88)
    if not t then return U.ptr(raw) end
    return clone_args_text(c, t, fetch)
  end,
})

U.call("clone3", {
  entry = function(c)
    local addr, size = U.raw(c, 1), U.raw(c, 2)
    local t, fetch = read_args(c, addr, size)
    if not t then
      c._c3 = false
      return U.ptr(addr) .. ", " .. U.udec(size)
    end
    local s = clone_args_text(c, t, fetch)
    if band(t.flags % 4294967296, CLONE_PIDFD + CLONE_PARENT_SETTID) ~= 0 then
      c._c3 = t
      return s
    end
    c._c3 = false
    return s .. ", " .. U.udec(size)
  end,
  exit = function(c)
    local t = c._c3
    if not t then return "" end
    local size = U.raw(c, 2)
    if U.failed(c) then return ", " .. U.udec(size) end
    local lo = t.flags % 4294967296
    local p = {}
    if band(lo, CLONE_PIDFD) ~= 0 then p[#p + 1] = "pidfd=" .. pnum(c, t.pidfd) end
    if band(lo, CLONE_PARENT_SETTID) ~= 0 then p[#p + 1] = "parent_tid=" .. pnum(c, t.parent_tid) end
    return " => {" .. concat(p, ", ") .. "}, " .. U.udec(size)
  end,
})

U.call("setns", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.set("setns_types", U.u32(U.raw(c, 2)))
end))
U.call("unshare", U.at_entry(function(c)
  return U.set("unshare_flags", U.raw(c, 1))
end))

-- ---- wait status -------------------------------------------------------------------

local function status_value(st)
  local v = { status = st }
  local low = band(st, 0x7f)
  if band(st, 0xff) == 0x7f then
    v.stopped = band(rshift(st, 8), 0xff)
  elseif st == 0xffff then
    v.continued = true
  elseif low ~= 0 then
    v.signal = low
    v.core = band(st, 0x80) ~= 0
  else
    v.exited = band(rshift(st, 8), 0xff)
  end
  return v
end

local function status_text(st)
  local s
  if band(st, 0xff) == 0x7f then
    local sig = band(rshift(st, 8), 0xff)
    s = format("[{WIFSTOPPED(s) && WSTOPSIG(s) == %s%s}", U.signame(band(sig, 0x7f)),
      band(sig, 0x80) ~= 0 and " | 0x80" or "")
    st = band(st, bnot(bor(bit.lshift(sig, 8), 0x7f)))
  elseif band(st, 0x7f) ~= 0 and st ~= 0xffff then
    local sig = band(st, 0x7f)
    s = format("[{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}", U.signame(sig),
      band(st, 0x80) ~= 0 and " && WCOREDUMP(s)" or "")
    st = band(st, bnot(sig + 0x80))
  elseif band(st, 0x7f) == 0 then
    local code = band(rshift(st, 8), 0xff)
    s = format("[{WIFEXITED(s) && WEXITSTATUS(s) == %d}", code)
    st = band(st, bnot(bit.lshift(code, 8)))
  elseif st == 0xffff then
    return "[{WIFCONTINUED(s)}]"
  else
    return "[" .. U.x32(st) .. "]"
  end
  if st ~= 0 then
    local event = rshift(st % 4294967296, 16)
    if event ~= 0 then
      s = s .. "|" .. U.enum_x("ptrace_events", event, "PTRACE_EVENT_???") .. "<<16"
      st = band(st, 0xffff)
    end
    if st ~= 0 then s = s .. "|" .. U.x32(st) end
  end
  return s .. "]"
end

U.type("wstatus_out", {
  out = true,
  value = function(c, raw)
    if U.failed(c) or c.result == 0 then return nil end
    local st = U.read_i32(c, raw)
    return st and status_value(st) or nil
  end,
  format = function(c, raw)
    if raw == 0 then return "NULL" end
    if U.failed(c) or c.result == 0 then return U.ptr(raw) end
    local st = U.read_i32(c, raw)
    if not st then return U.ptr(raw) end
    return status_text(st)
  end,
})

U.call("wait4", U.printer(
  function(c) return U.dec(U.s32(U.raw(c, 1))) .. ", " end,
  function(c)
    local ru = U.raw(c, 4)
    local rus
    if c.result and c.result > 0 then rus = U.pstruct(c, ru, "rusage") else rus = U.ptr(ru) end
    return U.arg(c, 2) .. ", " .. U.set("wait_options", U.u32(U.raw(c, 3))) .. ", " .. rus
  end))

U.call("waitid", U.printer(
  function(c)
    return U.enum_x("waitid_which", U.u32(U.raw(c, 1)), "P_???") .. ", "
      .. U.dec(U.s32(U.raw(c, 2))) .. ", "
  end,
  function(c)
    local info, ru = U.raw(c, 3), U.raw(c, 5)
    local failed = U.failed(c)
    local is = (failed and info ~= 0) and U.ptr(info) or U.pstruct(c, info, "siginfo")
    local rs = (failed and ru ~= 0) and U.ptr(ru) or U.pstruct(c, ru, "rusage")
    return is .. ", " .. U.set("wait_options", U.u32(U.raw(c, 4))) .. ", " .. rs
  end))

return { status_text = status_text, status_value = status_value, clone_flags_text = clone_flags_text }
