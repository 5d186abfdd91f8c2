-- ttlua.decode.fcntl: fcntl(2), its command and its third argument.
--   fcntl_cmd        F_GETFD, F_SETLK, ...
--   fcntl_arg(CMD)   by command: FD_CLOEXEC flags, open flags, a struct
--                    flock (value: the decoded table), a signal, a pid, an
--                    int; commands without an argument leave it out
-- The result of the F_GET* commands is printed as strace does:
--   fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)
local U = require "ttlua.decode.util"

local F = {
  DUPFD = 0, GETFD = 1, SETFD = 2, GETFL = 3, SETFL = 4, GETLK = 5, SETLK = 6, SETLKW = 7,
  SETOWN = 8, GETOWN = 9, SETSIG = 10, GETSIG = 11, SETOWN_EX = 15, GETOWN_EX = 16,
  GETOWNER_UIDS = 17, OFD_GETLK = 36, OFD_SETLK = 37, OFD_SETLKW = 38,
  SETLEASE = 1024, GETLEASE = 1025, NOTIFY = 1026, DUPFD_CLOEXEC = 1030,
  SETPIPE_SZ = 1031, GETPIPE_SZ = 1032, ADD_SEALS = 1033, GET_SEALS = 1034,
  GET_RW_HINT = 1035, SET_RW_HINT = 1036, GET_FILE_RW_HINT = 1037, SET_FILE_RW_HINT = 1038,
}

-- What the third argument is, per command.
local NONE = { [F.GETFD] = true, [F.GETFL] = true, [F.GETOWN] = true, [F.GETSIG] = true,
               [F.GETLEASE] = true, [F.GETPIPE_SZ] = true, [F.GET_SEALS] = true }
local FLOCK_IN = { [F.SETLK] = true, [F.SETLKW] = true, [F.OFD_SETLK] = true, [F.OFD_SETLKW] = true }
local FLOCK_OUT = { [F.GETLK] = true, [F.OFD_GETLK] = true }

local function flock_text(c, addr, getlk)
  if addr == 0 then return "NULL" end
  if getlk and U.failed(c) then return U.ptr(addr) end
  local t = U.struct(c, addr, "flock")
  if not t then return U.ptr(addr) end
  local s = "{l_type=" .. U.enum_d("lock_type", t.l_type, "F_???") .. ", l_whence="
    .. U.enum_d("lseek_whence", t.l_whence, "SEEK_???") .. ", l_start=" .. U.dec(t.l_start)
    .. ", l_len=" .. U.dec(t.l_len)
  if getlk then s = s .. ", l_pid=" .. U.dec(t.l_pid) end
  return s .. "}"
end

local function owner_ex_text(c, addr)
  if addr == 0 then return "NULL" end
  local b = U.readn(c, addr, 8)
  if not b then return U.ptr(addr) end
  return "{type=" .. U.enum_d("f_owner_types", U.get_i32(b, 0), "F_OWNER_???") .. ", pid="
    .. U.dec(U.get_i32(b, 1)) .. "}"
end

local function cmd_of(c) return U.u32(c._args[2]) end

-- The third argument at entry (nil: none, or printed at exit).
local function arg_entry(c, cmd, raw)
  if NONE[cmd] or FLOCK_OUT[cmd] or cmd == F.GETOWN_EX then return nil end
  if cmd == F.SETFD then return U.set("fd_flags", U.u32(raw))
  elseif cmd == F.SETOWN or cmd == F.SETPIPE_SZ or cmd == F.DUPFD or cmd == F.DUPFD_CLOEXEC then
    return U.dec(U.s32(raw))
  elseif cmd == F.SETFL then return U.set("open_flags", U.u32(raw))
  elseif FLOCK_IN[cmd] then return flock_text(c, raw, false)
  elseif cmd == F.SETOWN_EX then return owner_ex_text(c, raw)
  elseif cmd == F.NOTIFY then return U.set("notify_flags", raw)
  elseif cmd == F.SETLEASE then return U.enum_x("lock_type", raw, "F_???")
  elseif cmd == F.ADD_SEALS then return U.set("f_seals", raw)
  elseif cmd == F.SETSIG then return U.signal(U.s32(raw))
  end
  return U.x(raw)
end

local function arg_exit(c, cmd, raw)
  if FLOCK_OUT[cmd] then return flock_text(c, raw, true) end
  if cmd == F.GETOWN_EX then return owner_ex_text(c, raw) end
  return nil
end

U.type("fcntl_cmd", {
  value = function(_, raw) return U.u32(raw) end,
  format = function(_, raw) return U.enum_x("fcntl_cmd", U.u32(raw), "F_???") end,
  encode = function(_, v) return v end,
})

U.type("fcntl_arg", {
  value = function(c, raw)
    local cmd = cmd_of(c)
    if NONE[cmd] then return nil end
    if FLOCK_IN[cmd] or (FLOCK_OUT[cmd] and c.result ~= nil) then
      return U.struct(c, raw, "flock")
    end
    if cmd == F.SETFD or cmd == F.SETFL or cmd == F.NOTIFY or cmd == F.ADD_SEALS then return U.u32(raw) end
    if cmd == F.SETOWN_EX or cmd == F.GETOWN_EX then
      local b = U.readn(c, raw, 8)
      return b and { type = U.get_i32(b, 0), pid = U.get_i32(b, 1) } or nil
    end
    return U.s32(raw)
  end,
  format = function(c, raw)
    local cmd = cmd_of(c)
    if c.result == nil then return arg_entry(c, cmd, raw) end
    return arg_exit(c, cmd, raw) or arg_entry(c, cmd, raw)
  end,
  encode = function(c, v)
    if type(v) == "table" then
      return c.proc:alloc_bytes(U.structs().encode("flock", v))
    end
    return v
  end,
})

local function result_text(c)
  local r = c.result
  if r == nil or U.failed(c) then return nil end
  local cmd = cmd_of(c)
  if cmd == F.GETFD then
    if r == 0 then return nil end
    return U.x(r) .. " (flags " .. U.set("fd_flags", r) .. ")"
  elseif cmd == F.GETFL then
    return U.x(r) .. " (flags " .. U.set("open_flags", r) .. ")"
  elseif cmd == F.GETLEASE then
    local n = U.name("lock_type", r)
    return U.x(r) .. (n and (" (" .. n .. ")") or "")
  elseif cmd == F.GET_SEALS then
    if r == 0 then return nil end
    return U.x(r) .. " (seals " .. U.set("f_seals", r) .. ")"
  elseif cmd == F.GETSIG then
    if r == 0 then return nil end
    return U.dec(r) .. " (" .. U.signame(r) .. ")"
  end
  return nil
end

U.call("fcntl", {
  entry = function(c)
    local cmd = cmd_of(c)
    local s = U.arg(c, 1) .. ", " .. U.enum_x("fcntl_cmd", cmd, "F_???")
    if FLOCK_OUT[cmd] or cmd == F.GETOWN_EX then return s end
    local a = arg_entry(c, cmd, U.raw(c, 3))
    if a then s = s .. ", " .. a end
    return s
  end,
  exit = function(c)
    local cmd = cmd_of(c)
    local a = arg_exit(c, cmd, U.raw(c, 3))
    return a and (", " .. a) or ""
  end,
  result = result_text,
})

return { flock_text = flock_text }
