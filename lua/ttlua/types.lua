-- ttlua.types: the vocabulary of argument types used by the syscall tables
-- (lua/ttlua/syscalls/*.lua).  Each type knows how to give a handler its
-- value (`value`), how to print itself like strace (`format`), and how to
-- turn a value a handler assigned back into a register (`encode`).
--
-- Vocabulary (PARAM = another argument's name, or `ret` for the result):
--   scalars  int uint long ulong u64 i64 size ssize off hex ptr fd dirfd pid
--            uid gid mode fmode signal clockid flags(SET) enum(SET)
--   input    path str ibuf(LEN) strarray envp in(STRUCT) in(STRUCT[LEN])
--   output   obuf(LEN) out(STRUCT) out(STRUCT[LEN]) inout(STRUCT) ...
--            (decoded at exit, and only when the call succeeded)
--   special  iovec_in(CNT) iovec_out(CNT) sockaddr(LEN) sockaddr_out(LENPTR)
--            socklen_ptr sigset(SIZE) and the family decoders (ioctl_arg,
--            fcntl_arg, ...): anything not implemented here prints raw.
local bit = require "bit"
local ffi = require "ffi"
local core = require "ttlua.core"
local quote = require "ttlua.quote"

local band, tohex = bit.band, bit.tohex
local format = string.format

local M = {}

M.opts = { strsize = 32 } -- -s N; set by the engine

-- Lazily loaded companions (written in their own modules).
local xlat_mod, structs_mod, structfmt_mod
local function xlat()
  if xlat_mod == nil then
    local ok, m = pcall(require, "ttlua.xlat")
    xlat_mod = ok and m or false
  end
  return xlat_mod
end
local function structs()
  if structs_mod == nil then
    local ok, m = pcall(require, "ttlua.structs")
    structs_mod = ok and m or false
  end
  return structs_mod
end
local function structfmt()
  if structfmt_mod == nil then
    local ok, m = pcall(require, "ttlua.structfmt")
    structfmt_mod = ok and m or false
  end
  return structfmt_mod
end

-- ---- integer views of a raw 64-bit register value (a Lua number) --------

local i64 = ffi.new("int64_t[1]")
local tobit = bit.tobit
-- The low 32 bits of a register, as C's int and unsigned int see them.
local function s32(v)
  return tobit(v)
end
local function u32(v)
  return tobit(v) % 4294967296
end
M.s32, M.u32 = s32, u32

local function hex(v)
  if v >= 0 and v < 2 ^ 53 then return format("%#x", v) end
  i64[0] = v
  return "0x" .. tohex(i64[0])
end
M.hex = hex

local function ptr(v)
  if v == 0 then return "NULL" end
  return hex(v)
end
M.ptr = ptr

local function signame(sig)
  local x = xlat()
  if x then
    local ok, s = pcall(x.format, "signals", sig)
    if ok and s then return s end
  end
  return tostring(sig)
end
M.signame = signame

local function fmt_set(set, v)
  local x = xlat()
  if x then
    local ok, s = pcall(x.format, set, v)
    if ok and s then return s end
  end
  return hex(v)
end
M.fmt_set = fmt_set

-- ---- reading the tracee ---------------------------------------------------

local function pid_of(call)
  return call.proc.pid
end

local function read_path(call, addr)
  if addr == 0 then return nil end
  local s = core.readstr(pid_of(call), addr, 4096)
  return s
end

local function fmt_path(call, addr)
  if addr == 0 then return "NULL" end
  local s, complete = core.readstr(pid_of(call), addr, 4096)
  if not s then return ptr(addr) end
  return quote.quote(s) .. (complete and "" or "...")
end

local function fmt_str(call, addr)
  if addr == 0 then return "NULL" end
  local max = M.opts.strsize
  local s, complete = core.readstr(pid_of(call), addr, max)
  if not s then return ptr(addr) end
  return quote.quote(s) .. (complete and "" or "...")
end

-- Length of a buffer: another argument's value, or the call's result.
local function param_value(call, arg)
  local p = arg.param
  if p == "ret" then return call.result end
  local i = call.spec.argi[p]
  return i and call._args[i] or nil
end

local function read_buf(call, addr, len)
  if addr == 0 or not len or len < 0 then return nil end
  return core.read(pid_of(call), addr, len)
end

local function fmt_buf(call, addr, len, hexmode)
  if addr == 0 then return "NULL" end
  if not len or len < 0 then return ptr(addr) end
  local max = M.opts.strsize
  local n = len < max + 1 and len or max + 1
  local s = core.read(pid_of(call), addr, n)
  if not s then return ptr(addr) end
  if #s > max then
    return quote.quote(s, max, hexmode) .. "..."
  end
  return quote.quote(s, nil, hexmode)
end

-- ---- the types ------------------------------------------------------------

local T = {}
M.T = T

-- pure: the value is a function of the register alone (no memory read).
local function int_type(conv, fmt)
  return {
    pure = true,
    value = function(_, raw) return conv(raw) end,
    format = function(_, raw) return fmt(conv(raw)) end,
    encode = function(_, v) return v end,
  }
end

local function dec(v) return format("%d", v) end
local function udec(v)
  if v < 0 then
    i64[0] = v
    return tostring(ffi.cast("uint64_t", i64[0])):sub(1, -4)
  end
  return format("%d", v)
end

T.int = int_type(s32, dec)
T.uint = int_type(u32, dec)
T.long = int_type(function(v) return v end, dec)
T.ulong = int_type(function(v) return v end, udec)
T.u64 = T.ulong
T.i64 = T.long
T.size = T.ulong
T.ssize = T.long
T.off = T.long
T.pid = T.int
T.hex = int_type(function(v) return v end, function(v) return v == 0 and "0" or hex(v) end)
T.ptr = int_type(function(v) return v end, ptr)
-- -y: an fd prints as "3</path>" and AT_FDCWD as "AT_FDCWD</cwd>".
-- ttlua.fdname sets M.opts.decode_fds and these two (proc, fd) -> text.
M.fd_text = function(proc, fd)
  local p = proc.fdpath and proc:fdpath(fd)
  return p and format("%d<%s>", fd, p) or dec(fd)
end
M.cwd_text = function() return "AT_FDCWD" end
T.fd = {
  pure = true,
  value = function(_, raw) return s32(raw) end,
  format = function(call, raw)
    local fd = s32(raw)
    if M.opts.decode_fds and fd >= 0 and call.proc then return M.fd_text(call.proc, fd) end
    return dec(fd)
  end,
  encode = function(_, v) return v end,
}
T.dirfd = {
  pure = true,
  value = function(_, raw) return s32(raw) end,
  format = function(call, raw)
    if s32(raw) == -100 then
      if M.opts.decode_fds and call.proc then return M.cwd_text(call.proc) end
      return "AT_FDCWD"
    end
    return T.fd.format(call, raw)
  end,
  encode = function(_, v) return v end,
}
local function id_fmt(v)
  return dec(v == 4294967295 and -1 or v)
end
T.uid = int_type(u32, id_fmt)
T.gid = T.uid
T.mode = int_type(u32, function(v) return format("%#03o", v) end)
T.fmode = int_type(u32, function(v)
  local ftype = band(v, 0xf000)
  local perm = band(v, 0xfff)
  if ftype == 0 then return format("%#03o", perm) end
  return fmt_set("mode_type", ftype) .. "|" .. format("%#03o", perm)
end)
T.signal = int_type(s32, function(v) return v == 0 and "0" or signame(v) end)
T.clockid = int_type(s32, function(v) return fmt_set("clockid", v) end)

-- flags(SET) / enum(SET): the set's name is the param.
local function set_type(conv)
  return {
    pure = true,
    value = function(_, raw) return conv(raw) end,
    format = function(_, raw, arg) return fmt_set(arg.param, conv(raw)) end,
    encode = function(_, v) return v end,
  }
end
T.flags = set_type(u32)
T.enum = set_type(s32)
T.lflags = set_type(function(v) return v end)

-- Strings.  Assigning a string stores it in the tracee's scratch memory.
local function encode_string(call, v)
  if type(v) ~= "string" then return v end
  return call.proc:alloc_string(v)
end
T.path = { value = function(call, raw) return read_path(call, raw) end, format = fmt_path,
           encode = encode_string }
T.str = { value = function(call, raw) return read_path(call, raw) end, format = fmt_str,
          encode = encode_string }

T.ibuf = {
  value = function(call, raw, arg) return read_buf(call, raw, param_value(call, arg)) end,
  format = function(call, raw, arg) return fmt_buf(call, raw, param_value(call, arg)) end,
  encode = encode_string,
}
T.obuf = {
  out = true,
  value = function(call, raw, arg)
    if call.result == nil or call.result < 0 then return nil end
    local len = param_value(call, arg)
    if arg.param ~= "ret" and call.result < len then len = call.result end
    return read_buf(call, raw, len)
  end,
  format = function(call, raw, arg)
    if call.result == nil or call.result < 0 then return ptr(raw) end
    local len = param_value(call, arg)
    if arg.param ~= "ret" and call.result < len then len = call.result end
    return fmt_buf(call, raw, len)
  end,
}

-- argv-style arrays of strings.
local function read_ptrs(call, addr, max)
  local pid = pid_of(call)
  local out = {}
  local words = core.read(pid, addr, 8 * (max + 1))
  if not words then return nil end
  local n = math.floor(#words / 8)
  local p = ffi.cast("const uint64_t *", words)
  for i = 0, n - 1 do
    local v = tonumber(p[i])
    if v == 0 then return out, true end
    out[#out + 1] = v
  end
  return out, false
end

T.strarray = {
  value = function(call, raw)
    if raw == 0 then return nil end
    local ptrs = read_ptrs(call, raw, 4096)
    if not ptrs then return nil end
    local out = {}
    for i, p in ipairs(ptrs) do out[i] = read_path(call, p) end
    return out
  end,
  format = function(call, raw)
    if raw == 0 then return "NULL" end
    -- (as many elements as -s says, within reason: the pointers are read at once)
    local max = math.min(M.opts.strsize, 4096)
    local ptrs, ended = read_ptrs(call, raw, max)
    if not ptrs then return ptr(raw) end
    local parts = {}
    for i = 1, math.min(#ptrs, max) do parts[i] = fmt_str(call, ptrs[i]) end
    local more = (#ptrs > max or not ended) and ", ..." or ""
    return "[" .. table.concat(parts, ", ") .. more .. "]"
  end,
}
T.envp = {
  value = T.strarray.value,
  format = function(call, raw)
    if raw == 0 then return "NULL" end
    local ptrs = read_ptrs(call, raw, 4096)
    if not ptrs then return ptr(raw) end
    return format("%s /* %d var%s */", ptr(raw), #ptrs, #ptrs == 1 and "" or "s")
  end,
}

-- Structs: in(NAME), out(NAME), inout(NAME), optionally NAME[COUNT].
local function struct_parse(arg)
  if arg.sname then return end
  local name, count = arg.param:match("^([%w_]+)%[([%w_]+)%]$")
  arg.sname = name or arg.param
  arg.scount = count
end

local function struct_count(call, arg)
  if not arg.scount then return nil end
  local n = tonumber(arg.scount)
  if n then return n end
  if arg.scount == "ret" then return call.result end
  local i = call.spec.argi[arg.scount]
  return i and call._args[i]
end

local function struct_read(call, raw, arg)
  struct_parse(arg)
  local S = structs()
  if raw == 0 or not S then return nil end
  local size = arg.ssize
  if size == nil then -- looked up once per argument
    local ok, sz = pcall(S.size, arg.sname)
    size = ok and sz or false
    arg.ssize = size
  end
  if not size then return nil end
  local count = struct_count(call, arg)
  -- decoded straight from the read buffer: no Lua string of the bytes
  if count then
    if count <= 0 then return {} end
    if count > 1024 then count = 1024 end
    local p, n = core.read_scratch(pid_of(call), raw, size * count)
    if not p then return nil end
    local out = {}
    for i = 0, math.floor(n / size) - 1 do
      out[i + 1] = S.decode(arg.sname, p + i * size, size)
    end
    return out
  end
  local p, n = core.read_scratch(pid_of(call), raw, size)
  if not p or n < size then return nil end
  return S.decode(arg.sname, p, n)
end

local function struct_format(call, raw, arg)
  if raw == 0 then return "NULL" end
  local v = struct_read(call, raw, arg)
  local F = structfmt()
  if v == nil or not F then return ptr(raw) end
  if arg.scount then
    local parts = {}
    for i, e in ipairs(v) do
      local ok, s = pcall(F.format, arg.sname, e)
      parts[i] = ok and s or "{...}"
    end
    return "[" .. table.concat(parts, ", ") .. "]"
  end
  local ok, s = pcall(F.format, arg.sname, v)
  return ok and s or ptr(raw)
end

local function struct_encode(call, v, arg)
  if type(v) ~= "table" then return v end
  struct_parse(arg)
  local bytes = structs().encode(arg.sname, v)
  return call.proc:alloc_bytes(bytes)
end

T["in"] = { value = struct_read, format = struct_format, encode = struct_encode }
T.inout = { value = struct_read, format = struct_format, encode = struct_encode, both = true }
T.out = {
  out = true,
  value = function(call, raw, arg)
    if call.result == nil or call.result < 0 then return nil end
    return struct_read(call, raw, arg)
  end,
  format = function(call, raw, arg)
    if call.result == nil or call.result < 0 then return ptr(raw) end
    return struct_format(call, raw, arg)
  end,
}

-- Fixed struct types spelled as their own type names in the table.
local struct_alias = {
  timespec_in = { "in", "timespec" }, timespec_out = { "out", "timespec" },
  timeval_in = { "in", "timeval" }, timeval_out = { "out", "timeval" },
  itimerspec_in = { "in", "itimerspec" }, itimerspec_out = { "out", "itimerspec" },
  rlimit_in = { "in", "rlimit" }, rlimit_out = { "out", "rlimit" },
  uname_out = { "out", "utsname" }, stat_out = { "out", "stat" },
  statx_out = { "out", "statx" }, statfs_out = { "out", "statfs" },
  epoll_event_in = { "in", "epoll_event" }, sigaction_in = { "in", "sigaction" },
  sigaction_out = { "out", "sigaction" }, siginfo_out = { "out", "siginfo" },
  siginfo_in = { "in", "siginfo" }, int_in = { "in", "int" }, int_out = { "out", "int" },
  u64_out = { "out", "u64" }, capheader = { "in", "user_cap_header" },
}
for name, a in pairs(struct_alias) do
  local base = T[a[1]]
  T[name] = {
    out = base.out, both = base.both, struct = a[2],
    value = function(call, raw, arg) arg.param = arg.param or a[2]; return base.value(call, raw, arg) end,
    format = function(call, raw, arg) arg.param = arg.param or a[2]; return base.format(call, raw, arg) end,
    encode = base.encode and function(call, v, arg)
      arg.param = arg.param or a[2]; return base.encode(call, v, arg)
    end,
  }
end

-- sockaddr(LEN): input address of LEN bytes.
local function sockaddr_read(call, raw, len)
  if raw == 0 or not len or len <= 0 then return nil end
  if len > 128 then len = 128 end
  local bytes = core.read(pid_of(call), raw, len)
  local S = structs()
  if not bytes or not S or not S.decode_sockaddr then return nil end
  return S.decode_sockaddr(bytes)
end
local function sockaddr_format(call, raw, len)
  if raw == 0 then return "NULL" end
  local v = sockaddr_read(call, raw, len)
  local F = structfmt()
  if not v or not F then return ptr(raw) end
  local ok, s = pcall(F.format, "sockaddr", v)
  return ok and s or ptr(raw)
end
T.sockaddr = {
  value = function(call, raw, arg) return sockaddr_read(call, raw, param_value(call, arg)) end,
  format = function(call, raw, arg) return sockaddr_format(call, raw, param_value(call, arg)) end,
  encode = function(call, v, arg)
    if type(v) ~= "table" then return v end
    local bytes = structs().encode_sockaddr(v)
    local i = call.spec.argi[arg.param]
    if i then call:_set_raw(i, #bytes) end
    return call.proc:alloc_bytes(bytes)
  end,
}
local function socklen_at(call, lenptr_index)
  local p = call._args[lenptr_index]
  if not p or p == 0 then return nil end
  local b = core.read(pid_of(call), p, 4)
  if not b or #b < 4 then return nil end
  return ffi.cast("const int32_t *", b)[0]
end
T.sockaddr_out = {
  out = true,
  value = function(call, raw, arg)
    if call.result == nil or call.result < 0 then return nil end
    return sockaddr_read(call, raw, socklen_at(call, call.spec.argi[arg.param]))
  end,
  format = function(call, raw, arg)
    if call.result == nil or call.result < 0 then return ptr(raw) end
    return sockaddr_format(call, raw, socklen_at(call, call.spec.argi[arg.param]))
  end,
}
T.socklen_ptr = {
  both = true,
  value = function(call, raw)
    if raw == 0 then return nil end
    local b = core.read(pid_of(call), raw, 4)
    return b and #b == 4 and ffi.cast("const int32_t *", b)[0] or nil
  end,
  format = function(call, raw, arg)
    if raw == 0 then return "NULL" end
    local now = T.socklen_ptr.value(call, raw)
    if now == nil then return ptr(raw) end
    local before = call._entry_vals and call._entry_vals[arg.name]
    if before and before ~= now then return format("[%d => %d]", before, now) end
    return format("[%d]", now)
  end,
}

-- iovec arrays.
local function iov_read(call, raw, cnt)
  if raw == 0 or not cnt or cnt < 0 then return nil end
  if cnt > 1024 then cnt = 1024 end
  local b = core.read(pid_of(call), raw, 16 * cnt)
  if not b then return nil end
  local p = ffi.cast("const uint64_t *", b)
  local out = {}
  for i = 0, math.floor(#b / 16) - 1 do
    out[i + 1] = { base = tonumber(p[2 * i]), len = tonumber(p[2 * i + 1]) }
  end
  return out
end
local function iov_format(call, raw, arg, total)
  if raw == 0 then return "NULL" end
  local cnt = param_value(call, arg)
  local iov = iov_read(call, raw, cnt)
  if not iov then return ptr(raw) end
  local parts = {}
  local left = total
  for i, v in ipairs(iov) do
    if i > M.opts.strsize then parts[#parts + 1] = "..."; break end
    local n = v.len
    if left then
      n = math.max(0, math.min(n, left))
      left = left - n
    end
    parts[i] = format("{iov_base=%s, iov_len=%s}", fmt_buf(call, v.base, n), udec(v.len))
  end
  return "[" .. table.concat(parts, ", ") .. "]"
end
T.iovec_in = {
  value = function(call, raw, arg)
    local iov = iov_read(call, raw, param_value(call, arg))
    if iov then
      for _, v in ipairs(iov) do v.data = read_buf(call, v.base, v.len) end
    end
    return iov
  end,
  format = function(call, raw, arg) return iov_format(call, raw, arg, nil) end,
}
T.iovec_out = {
  out = true,
  value = function(call, raw, arg)
    if call.result == nil or call.result < 0 then return nil end
    local iov = iov_read(call, raw, param_value(call, arg))
    local left = call.result
    if iov then
      for _, v in ipairs(iov) do
        local n = math.max(0, math.min(v.len, left))
        left = left - n
        v.data = read_buf(call, v.base, n)
      end
    end
    return iov
  end,
  format = function(call, raw, arg)
    if call.result == nil or call.result < 0 then return ptr(raw) end
    return iov_format(call, raw, arg, call.result)
  end,
}

-- ---- fast printing ----------------------------------------------------------
-- put(buf, call, raw, arg) appends what format() returns to a string.buffer
-- without building intermediate strings: the printer uses it when a type
-- has it (the common scalar and buffer types), format() otherwise.

local function put_dec(b, v) b:putf("%d", v) end
local function put_udec(b, v)
  if v < 0 then b:put(udec(v)) else b:putf("%d", v) end
end
local function put_hex(b, v)
  if v >= 0 and v < 2 ^ 53 then b:putf("%#x", v) else b:put(hex(v)) end
end
local function put_ptr(b, v)
  if v == 0 then b:put("NULL") else put_hex(b, v) end
end

local function scalar_put(t, conv, put)
  t.put = function(b, _, raw) put(b, conv(raw)) end
end
local function ident(v) return v end
scalar_put(T.int, s32, put_dec)
scalar_put(T.uint, u32, put_dec)
scalar_put(T.long, ident, put_dec)
scalar_put(T.ulong, ident, put_udec)
scalar_put(T.hex, ident, function(b, v) if v == 0 then b:put("0") else put_hex(b, v) end end)
scalar_put(T.ptr, ident, put_ptr)
scalar_put(T.uid, u32, function(b, v) put_dec(b, v == 4294967295 and -1 or v) end)
scalar_put(T.mode, u32, function(b, v) b:putf("%#03o", v) end)
T.fd.put = function(b, call, raw)
  if M.opts.decode_fds then return b:put(T.fd.format(call, raw)) end
  b:putf("%d", s32(raw))
end
T.dirfd.put = function(b, call, raw)
  if M.opts.decode_fds then return b:put(T.dirfd.format(call, raw)) end
  if s32(raw) == -100 then return b:put("AT_FDCWD") end
  b:putf("%d", s32(raw))
end
for _, t in ipairs({ T.flags, T.enum, T.lflags }) do
  local format_fn = t.format
  t.put = function(b, call, raw, arg) b:put(format_fn(call, raw, arg)) end
end

-- n bytes at p (tracee bytes in core's scratch buffer), quoted into b.
local function put_quoted(b, p, n)
  local dst = b:reserve(4 * n + 2)
  b:commit(tonumber(core.C.ttl_quote(dst, p, n, 0)))
end

-- A buffer of len bytes at addr, quoted and cut at -s like strace.
local function put_buf(b, call, addr, len)
  if addr == 0 then return b:put("NULL") end
  if not len or len < 0 then return put_ptr(b, addr) end
  local max = M.opts.strsize
  local want = len < max + 1 and len or max + 1
  local p, n = core.read_scratch(pid_of(call), addr, want)
  -- a partly readable buffer prints as its address, as strace does
  if not p or n < want and n < len then return put_ptr(b, addr) end
  if n > max then
    put_quoted(b, p, max)
    return b:put("...")
  end
  put_quoted(b, p, n)
end
T.ibuf.put = function(b, call, raw, arg) put_buf(b, call, raw, param_value(call, arg)) end
T.obuf.put = function(b, call, raw, arg)
  local result = rawget(call, "result")
  if result == nil or result < 0 then return put_ptr(b, raw) end
  local len = param_value(call, arg)
  if arg.param ~= "ret" and len and result < len then len = result end
  put_buf(b, call, raw, len)
end
local function put_string(b, call, addr, max)
  if addr == 0 then return b:put("NULL") end
  local p, n, complete = core.readstr_scratch(pid_of(call), addr, max)
  if not p then return put_ptr(b, addr) end
  put_quoted(b, p, n)
  if not complete then b:put("...") end
end
T.path.put = function(b, call, raw) put_string(b, call, raw, 4096) end
T.str.put = function(b, call, raw) put_string(b, call, raw, M.opts.strsize) end

-- ---- filling output buffers ------------------------------------------------
-- A handler that answers a call itself may assign an output argument
-- (call.statbuf = { st_size = 42 }, call.buf = "bytes", call.tp = { tv_sec =
-- 1 }) and return the result: fill[kind](call, value, arg) gives the bytes
-- to write at the argument's address (or a list of { addr, bytes } for
-- scattered buffers).  A string is always taken as the raw bytes.
M.fill = {}

local scalar_ct = {
  int = "int32_t", uint = "uint32_t", uid = "uint32_t", gid = "uint32_t", pid = "int32_t",
  long = "int64_t", ulong = "uint64_t", u64 = "uint64_t", i64 = "int64_t", off = "int64_t",
  size = "uint64_t", ptr = "uint64_t",
}
local function pack_scalar(ct, v)
  local box = ffi.new(ct .. "[1]", v)
  return ffi.string(box, ffi.sizeof(ct))
end

-- The capacity of an output buffer: its LEN argument, or for obuf(ret)
-- the size argument that follows it (read's count, readlink's bufsiz).
local function capacity(call, arg)
  if arg.param and arg.param ~= "ret" then
    local i = call.spec.argi[arg.param]
    return i and call._args[i] or nil
  end
  local args = call.spec.args
  for j = (call.spec.argi[arg.name] or #args) + 1, #args do
    local k = args[j].kind
    if k == "size" or k == "int" or k == "uint" or k == "ulong" then return call._args[j] end
  end
  return nil
end
M.capacity = capacity

M.fill.obuf = function(call, v, arg)
  if type(v) ~= "string" then
    error(("%s.%s takes a string of bytes, not a %s"):format(call.name, arg.name, type(v)), 0)
  end
  local cap = capacity(call, arg)
  if cap and cap >= 0 and #v > cap then v = v:sub(1, cap) end
  return v
end

local function fill_struct(call, v, arg)
  struct_parse(arg)
  if type(v) == "string" then return v end
  local ct = scalar_ct[arg.sname]
  if ct then
    if type(v) == "table" and arg.scount then
      local parts = {}
      for i, x in ipairs(v) do parts[i] = pack_scalar(ct, x) end
      return table.concat(parts)
    end
    if type(v) ~= "number" then
      error(("%s.%s takes a number"):format(call.name, arg.name), 0)
    end
    return pack_scalar(ct, v)
  end
  if type(v) ~= "table" then
    error(("%s.%s takes a table of %s fields or a string of bytes, not a %s"):format(
      call.name, arg.name, arg.sname, type(v)), 0)
  end
  local S = structs()
  if not S then error("ttlua.structs is not available to encode " .. arg.sname, 0) end
  if arg.scount then
    local parts = {}
    for i, e in ipairs(v) do parts[i] = S.encode(arg.sname, e) end
    return table.concat(parts)
  end
  return S.encode(arg.sname, v)
end
-- Whether assigning a number to this output argument fills it (out(int),
-- out(uid)...) rather than replacing its pointer.
function M.fill_takes_number(arg)
  if arg.kind ~= "out" and arg.kind ~= "inout" then return false end
  struct_parse(arg)
  return scalar_ct[arg.sname] ~= nil
end

M.fill.out = fill_struct
M.fill.inout = fill_struct
for name, a in pairs(struct_alias) do
  if a[1] == "out" then
    M.fill[name] = function(call, v, arg)
      arg.param = arg.param or a[2]
      return fill_struct(call, v, arg)
    end
  end
end

-- getdents64: a list of { d_name =, d_type =, d_ino = } (d_off and d_reclen
-- are computed) packed while they fit in count bytes.
M.fill.dirents_out = function(call, v, arg)
  if type(v) == "string" then return v end
  local S = structs()
  local cap = capacity(call, { name = arg.name, param = "count" }) or math.huge
  local parts, used = {}, 0
  for i, e in ipairs(v) do
    local rec = S.encode("linux_dirent64", {
      d_ino = e.d_ino or i, d_off = e.d_off or i, d_type = e.d_type or 0, d_name = e.d_name,
    })
    if used + #rec > cap then break end
    parts[#parts + 1] = rec
    used = used + #rec
  end
  return table.concat(parts)
end

-- readv-style: the bytes are spread over the vectors.
M.fill.iovec_out = function(call, v, arg)
  if type(v) ~= "string" then
    error(("%s.%s takes a string of bytes"):format(call.name, arg.name), 0)
  end
  local iov = iov_read(call, call._args[call.spec.argi[arg.name]], param_value(call, arg)) or {}
  local out, pos = {}, 1
  for _, e in ipairs(iov) do
    if pos > #v then break end
    local piece = v:sub(pos, pos + e.len - 1)
    out[#out + 1] = { e.base, piece }
    pos = pos + #piece
  end
  return out
end

-- Anything else: raw value, printed as a number or an address.
T.unknown = T.hex
local raw_type = {
  pure = true,
  put = function(b, _, raw)
    if raw > -4096 and raw < 4096 then b:putf("%d", raw) else put_hex(b, raw) end
  end,
  value = function(_, raw) return raw end,
  format = function(_, raw)
    if raw > -4096 and raw < 4096 then return dec(raw) end
    return hex(raw)
  end,
  encode = function(_, v) return v end,
}
M.raw_type = raw_type

-- Decoders for families (ioctl, fcntl, prctl, futex, ...) register here.
function M.register(kind, t)
  T[kind] = t
end

-- The decoder families (lua/ttlua/decode/) register their types and call
-- printers; they load on the first look-up, not at start-up (about 3 ms,
-- which a policy that decodes nothing should not pay).
local decoders_loaded = false
local function load_decoders()
  if decoders_loaded then return end
  decoders_loaded = true
  require "ttlua.decode"
end
M.load_decoders = load_decoders

function M.get(kind)
  if not decoders_loaded then load_decoders() end
  return T[kind] or raw_type
end

-- Syscalls whose whole line a decoder family prints (see printer.lua).
local call_formats = {}
function M.register_call(name, f)
  call_formats[name] = f
end
-- Only for x86_64 calls: the families read x86_64 layouts (an i386 or x32
-- call keeps the argument-by-argument line).
local x86_64_specs
function M.call_format(spec)
  if not decoders_loaded then load_decoders() end
  if spec.unknown then return call_formats["*unknown*"] end
  if not x86_64_specs then x86_64_specs = require("ttlua.syscalls").arch("x86_64").by_name end
  if x86_64_specs[spec.name] ~= spec then return nil end
  return call_formats[spec.name]
end

-- ---- return values -----------------------------------------------------------

local errno_mod
local function errno()
  if errno_mod == nil then
    local ok, m = pcall(require, "ttlua.errno")
    errno_mod = ok and m or { name = {}, message = {} }
  end
  return errno_mod
end

-- The same, appended to a string.buffer.
function M.put_result(b, rtype, ret, call)
  if ret < 0 and ret > -4096 or rtype == "noreturn" or (rtype == "fd" and M.opts.decode_fds) then
    return b:put(M.format_result(rtype, ret, call))
  end
  if rtype == "hex" or rtype == "ptr" then return put_hex(b, ret) end
  if rtype == "mode" then return b:putf("%#03o", ret) end
  b:putf("%d", ret)
end

-- The text after " = " for a result of return type rtype (call: for -y).
function M.format_result(rtype, ret, call)
  if rtype == "noreturn" then return "?" end
  if ret < 0 and ret > -4096 then
    local e = -ret
    local E = errno()
    local name = E.name[e] or tostring(e)
    local msg = E.message and E.message[e]
    -- Calls interrupted to be restarted have no result yet: strace says "?".
    local lead = (e >= 512 and e <= 516) and "?" or "-1"
    if msg then return format("%s %s (%s)", lead, name, msg) end
    return format("%s %s", lead, name)
  end
  if rtype == "hex" or rtype == "ptr" then return hex(ret) end
  if rtype == "fd" and M.opts.decode_fds and call and call.proc and ret >= 0 then
    return M.fd_text(call.proc, ret)
  end
  if rtype == "mode" then return format("%#03o", ret) end
  return dec(ret)
end

return M
