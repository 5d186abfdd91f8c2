-- ttlua.decode.generic: the vocabulary's conventions for pointers to
-- scalars, and the calls strace prints by a rule of its own rather than
-- argument by argument.
--
--   in/out/inout(T) with T a scalar type (int, uint, long, ulong, u64, i64,
--   off, size, ptr, uid, gid, pid): a pointer to one value, printed [N];
--   T[COUNT]: an array, [N, M, ...] (COUNT a literal, an argument or ret).
--   value: the number, or a list of numbers.
--
-- Calls strace 6.1 has no decoder for (rseq, set_tid_address, ...) are
-- printed the way it prints them: every argument in hex.
local bit = require "bit"
local U = require "ttlua.decode.util"

local concat = table.concat

-- ---- pointers to scalars ---------------------------------------------------------

local SCALAR = {
  int = { 4, "i32" }, uint = { 4, "u32" }, long = { 8, "i64" }, ulong = { 8, "u64" },
  u64 = { 8, "u64" }, i64 = { 8, "i64" }, off = { 8, "i64" }, size = { 8, "u64" },
  ssize = { 8, "i64" }, ptr = { 8, "ptr" }, hex = { 8, "u64x" },
  uid = { 4, "id" }, gid = { 4, "id" }, pid = { 4, "i32" }, fd = { 4, "i32" },
}

local function parse(arg)
  local p = arg._sp
  if p == nil then
    local name, count = arg.param:match("^([%w_]+)%[([%w_]+)%]$")
    name = name or arg.param
    local sc = SCALAR[name]
    p = sc and { size = sc[1], kind = sc[2], count = count } or false
    arg._sp = p
  end
  return p
end

local function count_of(c, p)
  if not p.count then return nil end
  local n = tonumber(p.count)
  if n then return n end
  if p.count == "ret" then return c.result end
  local i = c.spec.argi[p.count]
  return i and U.s32(c._args[i]) or nil
end

local function elem(b, i, p)
  local k = p.kind
  if k == "i32" then return U.get_i32(b, i)
  elseif k == "u32" or k == "id" then return U.get_u32(b, i)
  elseif k == "i64" then return U.get_i64(b, i)
  end
  return U.get_u64(b, i)
end

local function elem_text(v, p, b, i)
  local k = p.kind
  if k == "ptr" then return U.ptr(v)
  elseif k == "u64x" then return U.x(v)
  elseif k == "id" then return v == 4294967295 and "-1" or U.dec(v)
  elseif k == "u64" and v >= 2 ^ 53 then return U.get_u64_text(b, i)
  end
  return U.dec(v)
end

local function scalar_read(c, raw, p)
  if raw == 0 then return nil end
  local n = count_of(c, p)
  if n then
    if n <= 0 then return {} end
    if n > 1024 then n = 1024 end
    local b = U.read(c, raw, p.size * n)
    if not b or #b < p.size then return nil end
    local out = {}
    for i = 0, math.floor(#b / p.size) - 1 do out[i + 1] = elem(b, i, p) end
    return out
  end
  local b = U.readn(c, raw, p.size)
  return b and elem(b, 0, p) or nil
end

local function scalar_text(c, raw, p)
  if raw == 0 then return "NULL" end
  local n = count_of(c, p)
  if n then
    if n <= 0 then return "[]" end
    local max = U.types.opts.strsize
    local m = n > max and max or n
    local b = U.read(c, raw, p.size * m)
    if not b or #b < p.size then return U.ptr(raw) end
    local out = {}
    for i = 0, math.floor(#b / p.size) - 1 do
      out[i + 1] = elem_text(elem(b, i, p), p, b, i)
    end
    if n > m then out[#out + 1] = "..." end
    return "[" .. concat(out, ", ") .. "]"
  end
  local b = U.readn(c, raw, p.size)
  if not b then return U.ptr(raw) end
  return "[" .. elem_text(elem(b, 0, p), p, b, 0) .. "]"
end

local ffi = require "ffi"
local function scalar_encode(c, v, p)
  if type(v) ~= "table" and type(v) ~= "number" then return v end
  local list = type(v) == "table" and v or { v }
  local ct = p.size == 4 and "int32_t[?]" or "int64_t[?]"
  local arr = ffi.new(ct, #list)
  for i, x in ipairs(list) do arr[i - 1] = x end
  return c.proc:alloc_bytes(ffi.string(arr, p.size * #list))
end

-- Wrap the struct types of types.lua: scalars here, structs there.
local T = U.types.T
local function wrap(kind)
  local base = T[kind]
  local t = {}
  for k, v in pairs(base) do t[k] = v end
  t.value = function(c, raw, arg)
    local p = parse(arg)
    if not p then return base.value(c, raw, arg) end
    if base.out and U.failed(c) then return nil end
    return scalar_read(c, raw, p)
  end
  t.format = function(c, raw, arg)
    local p = parse(arg)
    if not p then
      -- arrays of structs: at most -s of them, then "..."
      local name, count = arg.param:match("^([%w_]+)%[([%w_]+)%]$")
      if name and raw ~= 0 and not (base.out and U.failed(c)) then
        local n = tonumber(count)
        if not n then
          if count == "ret" then n = c.result
          else local i = c.spec.argi[count]; n = i and c._args[i] end
        end
        if n and n >= 0 and U.structfmt().has(name) then
          local ok, s = pcall(U.parray, c, raw, name, n)
          if ok then return s end
        end
      end
      return base.format(c, raw, arg)
    end
    if base.out and U.failed(c) then return U.ptr(raw) end
    return scalar_text(c, raw, p)
  end
  if base.encode or kind ~= "out" then
    t.encode = function(c, v, arg)
      local p = parse(arg)
      if not p then return base.encode(c, v, arg) end
      return scalar_encode(c, v, p)
    end
  end
  U.type(kind, t)
end
wrap("in")
wrap("out")
wrap("inout")

-- ---- calls strace prints with its generic printer ------------------------------------

local function printargs(n)
  return U.at_entry(function(c)
    local out = {}
    for i = 1, n or c.spec.nargs do out[i] = U.x(c._args[i]) end
    return concat(out, ", ")
  end)
end
for _, name in ipairs({ "rseq", "set_tid_address", "afs_syscall", "create_module",
    "get_kernel_syms", "getpmsg", "putpmsg", "nfsservctl", "query_module", "security",
    "tuxcall", "vserver", "epoll_ctl_old", "epoll_wait_old", "sysfs", "uretprobe", "uprobe" }) do
  U.call(name, printargs())
end
-- numbers the table does not know (syscall_0x151): all six in hex
U.call("*unknown*", printargs(6))
local function printargs_d(c) return U.dec(U.s32(c._args[1])) end
for _, name in ipairs({ "exit", "iopl", "pkey_free", "timer_delete", "timer_getoverrun" }) do
  U.call(name, U.at_entry(printargs_d))
end
U.call("alarm", U.at_entry(function(c) return U.dec(U.u32(c._args[1])) end))

-- set_robust_list, mlock, munlock print like munmap: address, length
local function addr_len(c) return U.ptr(c._args[1]) .. ", " .. U.udec(c._args[2]) end
for _, name in ipairs({ "set_robust_list", "munmap", "mlock", "munlock" }) do
  U.call(name, U.at_entry(addr_len))
end

-- ---- files -----------------------------------------------------------------------------

local O_CREAT, O_TMPFILE = 0x40, 0x400000
local function open_tail(c, fi)
  local flags = U.u32(c._args[fi])
  local s = U.set("open_flags", flags)
  if U.band(flags, O_CREAT + O_TMPFILE) ~= 0 then
    s = s .. ", " .. U.oct(c._args[fi + 1] % 65536)
  end
  return s
end
U.call("open", U.at_entry(function(c) return U.arg(c, 1) .. ", " .. open_tail(c, 2) end))
U.call("openat", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", " .. open_tail(c, 3)
end))

-- mmap: the offset in hex
U.call("mmap", U.at_entry(function(c)
  return U.args(c, 1, 5) .. ", " .. U.x(c._args[6])
end))

-- mremap: the new address only with MREMAP_MAYMOVE|MREMAP_FIXED
U.call("mremap", U.at_entry(function(c)
  local a = c._args
  local s = U.ptr(a[1]) .. ", " .. U.udec(a[2]) .. ", " .. U.udec(a[3]) .. ", "
    .. U.set("mremap_flags", a[4])
  if bit.band(a[4] % 4294967296, 3) == 3 then s = s .. ", " .. U.ptr(a[5]) end
  return s
end))

-- lseek: the offset in decimal (a signed register)
U.call("lseek", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.dec(c._args[2]) .. ", "
    .. U.enum_x("lseek_whence", U.u32(c._args[3]), "SEEK_???")
end))

-- getcwd: the path at exit, its length is the result
U.call("getcwd", U.printer(function() return "" end, function(c)
  local s
  if U.failed(c) then s = U.ptr(c._args[1])
  else
    local b = U.read(c, c._args[1], c.result - 1)
    s = b and U.quote.quote(b) or U.ptr(c._args[1])
  end
  return s .. ", " .. U.udec(c._args[2])
end))

-- getrandom: all of it at exit, the bytes in hex
U.call("getrandom", U.printer(function() return "" end, function(c)
  local s
  if U.failed(c) then s = U.ptr(c._args[1]) else s = U.buf(c, c._args[1], c.result, true) end
  return s .. ", " .. U.udec(c._args[2]) .. ", " .. U.set("getrandom_flags", U.u32(c._args[3]))
end))

-- xattrs: values up to the size (or result), a trailing NUL left out
local XATTR_SIZE_MAX = 65536
local function xattr_val(c, addr, size)
  if size < 0 or size > XATTR_SIZE_MAX then return U.ptr(addr) end
  if addr == 0 then return "NULL" end
  local max = U.types.opts.strsize
  local n = size > max + 1 and max + 1 or size
  local b = U.read(c, addr, n)
  if not b or #b < n then return U.ptr(addr) end
  if #b > max then return U.quote.quote(b, max) .. "..." end
  if b:byte(-1) == 0 and #b > 0 then b = b:sub(1, -2) end
  return U.quote.quote(b)
end
for _, name in ipairs({ "setxattr", "lsetxattr", "fsetxattr" }) do
  U.call(name, U.at_entry(function(c)
    return U.arg(c, 1) .. ", " .. U.str(c, c._args[2]) .. ", "
      .. xattr_val(c, c._args[3], c._args[4]) .. ", " .. U.udec(c._args[4]) .. ", "
      .. U.set("xattr_flags", U.u32(c._args[5]))
  end))
end
for _, name in ipairs({ "getxattr", "lgetxattr", "fgetxattr" }) do
  U.call(name, U.printer(
    function(c) return U.arg(c, 1) .. ", " .. U.str(c, c._args[2]) .. ", " end,
    function(c)
      local r = U.failed(c) and -1 or c.result
      return xattr_val(c, c._args[3], r) .. ", " .. U.udec(c._args[4])
    end))
end
for _, name in ipairs({ "listxattr", "llistxattr", "flistxattr" }) do
  U.call(name, U.printer(
    function(c) return U.arg(c, 1) .. ", " end,
    function(c)
      local s
      if c._args[3] == 0 or U.failed(c) then s = U.ptr(c._args[2])
      else s = U.buf(c, c._args[2], c.result) end
      return s .. ", " .. U.udec(c._args[3])
    end))
end

-- readlink, readlinkat: the buffer up to the result, as a string
local function readlink_exit(bi)
  return function(c)
    local s
    if U.failed(c) then s = U.ptr(c._args[bi]) else s = U.buf(c, c._args[bi], c.result) end
    return s .. ", " .. U.udec(c._args[bi + 1])
  end
end
U.call("readlink", U.printer(function(c) return U.arg(c, 1) .. ", " end, readlink_exit(2)))
U.call("readlinkat", U.printer(function(c) return U.args(c, 1, 2) .. ", " end, readlink_exit(3)))

-- sendfile, splice, copy_file_range: the offsets the tracee points to
local function num64(c, addr)
  if addr == 0 then return "NULL" end
  local v = U.read_i64(c, addr)
  if not v then return U.ptr(addr) end
  return "[" .. v .. "]"
end
U.call("sendfile", {
  entry = function(c)
    local s = U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", "
    local off = c._args[3]
    local t = num64(c, off)
    c._sf = off ~= 0 and t:sub(1, 1) == "["
    if not c._sf then return s .. t .. ", " .. U.udec(c._args[4]) end
    return s .. t
  end,
  exit = function(c)
    if not c._sf then return "" end
    local s = ""
    if not U.failed(c) and c.result ~= 0 then s = " => " .. num64(c, c._args[3]) end
    return s .. ", " .. U.udec(c._args[4])
  end,
})
U.call("splice", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. num64(c, c._args[2]) .. ", " .. U.arg(c, 3) .. ", "
    .. num64(c, c._args[4]) .. ", " .. U.udec(c._args[5]) .. ", "
    .. U.set("splice_flags", U.u32(c._args[6]))
end))
U.call("copy_file_range", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. num64(c, c._args[2]) .. ", " .. U.arg(c, 3) .. ", "
    .. num64(c, c._args[4]) .. ", " .. U.udec(c._args[5]) .. ", " .. U.dec(U.u32(c._args[6]))
end))

-- statx: the sync type, then the AT_* flags
local AT_STATX_SYNC_TYPE = 0x6000
U.call("statx", U.printer(
  function(c)
    local flags = U.u32(c._args[3])
    local s = U.set("statx_sync_type", U.band(flags, AT_STATX_SYNC_TYPE))
    local rest = U.u32(bit.band(flags, bit.bnot(AT_STATX_SYNC_TYPE)))
    if rest ~= 0 then s = s .. "|" .. U.set_plain("at_flags", U.u32(rest)) end
    return U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", " .. s .. ", "
      .. U.set("statx_mask", U.u32(c._args[4])) .. ", "
  end,
  function(c) return U.arg(c, 5) end))

-- umask: an octal result
U.call("umask", U.at_entry(function(c) return U.oct(U.u32(c._args[1])) end,
  function(c) return U.oct(c.result) end))

return { printargs = printargs }
