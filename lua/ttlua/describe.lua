-- ttlua.describe: the syscall table explained to policy authors.
--   ttlua --describe openat     typed signature: fields, types, what a
--                               handler sees, return type, classes
--   ttlua --list [SET]          number, name and classes of each syscall
-- The same knowledge (D.lua_type, D.doc) feeds scripts/gen-annotations,
-- which writes the LuaCATS annotations lua/ttlua/types.d.lua.
--
-- What a handler sees for an argument kind comes from, in order: the type's
-- own `lua` and `doc` fields (types.register(kind, {..., lua = "string|nil",
-- doc = "..."})), the table below for the base vocabulary, and for kinds
-- nothing decodes yet, the raw register value (an integer).
local types = require "ttlua.types"

local format = string.format

local D = {}

-- Pointers to one scalar (in(int), out(off) ...) decode to integers.
local scalar = {
  int = true, uint = true, long = true, ulong = true, u64 = true, i64 = true, off = true,
  size = true, ssize = true, ptr = true, uid = true, gid = true, pid = true, hex = true,
}

-- The struct a fixed-struct kind (timespec_in, stat_out ...) stands for.
local function alias_of(kind)
  local t = types.get(kind)
  return rawget(t, "struct")
end

-- kind -> { lua = LuaCATS type, doc = what the value is }
D.kinds = {
  int = { "integer", "a C int" },
  uint = { "integer", "a C unsigned int" },
  long = { "integer", "a 64-bit signed integer" },
  i64 = { "integer", "a 64-bit signed integer" },
  ulong = { "integer", "a 64-bit unsigned integer (a Lua number: exact below 2^53)" },
  u64 = { "integer", "a 64-bit unsigned integer (a Lua number: exact below 2^53)" },
  size = { "integer", "a size in bytes" },
  ssize = { "integer", "a signed size in bytes" },
  off = { "integer", "a file offset" },
  hex = { "integer", "an integer (printed in hex)" },
  ptr = { "integer", "an address in the tracee (0 is NULL)" },
  fd = { "integer", "a file descriptor" },
  dirfd = { "integer", "a directory fd; AT_FDCWD (-100) is the current directory" },
  pid = { "integer", "a process id" },
  uid = { "integer", "a user id" },
  gid = { "integer", "a group id" },
  mode = { "integer", "permission bits (0644)" },
  fmode = { "integer", "file type and permission bits (S_IFREG|0644)" },
  signal = { "integer", "a signal number (ttlua.const.SIGTERM ...)" },
  clockid = { "integer", "a clock id (ttlua.const.CLOCK_MONOTONIC ...)" },
  flags = { "integer", "bit flags of the %s set (names in ttlua.const)" },
  lflags = { "integer", "64-bit flags of the %s set (names in ttlua.const)" },
  enum = { "integer", "one value of the %s set (names in ttlua.const)" },
  path = { "string|nil", "a path read from the tracee (nil for NULL or unreadable memory); "
    .. "assign a string to make the kernel see another path" },
  str = { "string|nil", "a NUL-terminated string read from the tracee (nil for NULL); "
    .. "assign a string to replace it" },
  ibuf = { "string|nil", "the %s bytes the call reads from memory (nil for NULL); assign a "
    .. "string to replace them (the length argument is not changed)" },
  obuf = { "string|nil", "the bytes the kernel stored (%s)" },
  strarray = { "string[]|nil", "an array of strings (argv)" },
  envp = { "string[]|nil", "an array of strings (the environment)" },
  sockaddr = { "ttlua.struct.sockaddr|nil", "a socket address of %s bytes, decoded by family; "
    .. "assign a table to replace it (the length is updated)" },
  sockaddr_out = { "ttlua.struct.sockaddr|nil", "the socket address the kernel stored" },
  socklen_ptr = { "integer|nil", "the socklen_t behind the pointer" },
  iovec_in = { "ttlua.iovec[]|nil", "the buffers to write (%s of them): {base=, len=, data=} each" },
  iovec_out = { "ttlua.iovec[]|nil", "the buffers the kernel filled (%s of them): "
    .. "{base=, len=, data=} each" },
  unknown = { "integer", "an argument Linux reserves and does not use" },
}

-- The struct name and count of in(NAME[COUNT]) style params.
local function struct_param(param)
  local name, count = (param or ""):match("^([%w_]+)%[([%w_]+)%]$")
  return name or param, count
end

-- Is the kind an output (decoded at exit) or in/out argument?
function D.direction(kind)
  local t = types.get(kind)
  if t.both then return "inout" end
  if t.out then return "out" end
  return "in"
end

-- The LuaCATS type a handler sees for argument a ({kind, param}).
function D.lua_type(a)
  local kind = a.kind
  local t = types.get(kind)
  local fixed = alias_of(kind)
  if kind == "in" or kind == "out" or kind == "inout" or fixed then
    local name, count = struct_param(fixed or a.param)
    local base = scalar[name] and "integer" or ("ttlua.struct." .. name)
    return (count and base .. "[]" or base) .. "|nil"
  end
  if rawget(t, "lua") then return t.lua end
  local k = D.kinds[kind]
  if k then return k[1] end
  if t == types.raw_type then return "integer" end
  return "any"
end

-- One line saying what the value is.
function D.doc(a)
  local kind = a.kind
  local t = types.get(kind)
  local fixed = alias_of(kind)
  if kind == "in" or kind == "out" or kind == "inout" or fixed then
    local name, count = struct_param(fixed or a.param)
    local what = scalar[name] and ("a " .. name) or ("a struct " .. name)
    if count then what = format("an array of %s %s", count, scalar[name] and name or
      ("struct " .. name)) end
    local dir = D.direction(kind)
    if dir == "out" then return what .. " the kernel stored" end
    if dir == "inout" then return what .. " (read at entry, the kernel's version after run)" end
    return what .. "; assign a table to replace it"
  end
  if rawget(t, "doc") then return t.doc end
  local k = D.kinds[kind]
  if k then
    local d = k[2]
    if d:find("%s", 1, true) then
      d = format(d, a.param == "ret" and "as many as the result says" or a.param or "?")
    end
    return d
  end
  if t == types.raw_type then return "the raw register value (not decoded yet)" end
  return "decoded by the " .. kind .. " type"
end

local returns = {
  fd = "a new file descriptor",
  int = "an int",
  uint = "an unsigned int",
  long = "a long",
  ssize = "a byte count",
  off = "a file offset",
  pid = "a process id",
  uid = "a user id",
  gid = "a group id",
  hex = "an address or value (printed in hex)",
  mode = "permission bits",
  signal = "a signal number",
  noreturn = "does not return (the log prints \"= ?\")",
}

-- strace's spelling of a class tag.
local class_names = { stat_like = "%%stat", statfs_like = "%%statfs" }
local function class_list(spec)
  local c = {}
  for k in pairs(spec.classes) do c[#c + 1] = class_names[k] or ("%" .. k) end
  table.sort(c)
  return c
end
D.class_list = class_list

-- The spec named by NAME or number, or nil and a one-line message.
local function find(name, sys)
  local spec = sys.by_name[name] or (name:match("^%d+$") and sys.by_nr[tonumber(name)])
  if spec then return spec end
  local policy = require "ttlua.policy"
  return nil, ("--describe: unknown syscall '%s'%s"):format(name, policy.suggest(name, sys.by_name))
end

-- The --describe text.
function D.describe(name, sys)
  local spec, err = find(name, sys)
  if not spec then return nil, err end
  local out = {}
  local classes = class_list(spec)
  out[#out + 1] = format("%s: syscall %d on x86_64; classes: %s", spec.name, spec.nr,
    #classes > 0 and table.concat(classes, " ") or "none")
  local names = {}
  for i, a in ipairs(spec.args) do names[i] = a.name end
  out[#out + 1] = format("  %s(%s) -> %s", spec.name, table.concat(names, ", "), spec.ret)
  out[#out + 1] = ""
  if spec.nargs > 0 then
    local rows = { { "field", "type", "direction", "handler sees", "meaning" } }
    for _, a in ipairs(spec.args) do
      local ty = a.kind .. (a.param and ("(" .. a.param .. ")") or "")
      rows[#rows + 1] = { "call." .. a.name, ty, D.direction(a.kind), D.lua_type(a), D.doc(a) }
    end
    local w = { 0, 0, 0, 0 }
    for _, r in ipairs(rows) do
      for c = 1, 4 do w[c] = math.max(w[c], #r[c]) end
    end
    for _, r in ipairs(rows) do
      out[#out + 1] = format("  %-" .. w[1] .. "s  %-" .. w[2] .. "s  %-" .. w[3] .. "s  %-"
        .. w[4] .. "s  %s", r[1], r[2], r[3], r[4], r[5]):gsub("%s+$", "")
    end
  else
    out[#out + 1] = "  (no arguments)"
  end
  out[#out + 1] = ""
  out[#out + 1] = format("  call.result  %s: %s; -errno on failure (nil until the call ran)",
    spec.ret, returns[spec.ret] or ("a " .. spec.ret))
  out[#out + 1] = "  direction: in = decoded at entry (assignable before the call runs);"
  out[#out + 1] = "             out = decoded after call:run(), nil when the call failed;"
  out[#out + 1] = "             inout = read at entry, the kernel's version after call:run()."
  out[#out + 1] = "  Also: call.name, call.nr, call.tid, call.proc, call.args[1..6] (raw),"
    .. " call.errno, call:run()."
  out[#out + 1] = ""
  return table.concat(out, "\n")
end

-- The --list text; set_text: a -e trace= style SET (nil: all).
function D.list(set_text, sys)
  local set
  if set_text then
    local trace_expr = require "ttlua.trace_expr"
    local err
    set, err = trace_expr.syscall_set(set_text, sys)
    if not set then return nil, "--list: " .. err end
  end
  local out = {}
  local w = 0
  for _, spec in ipairs(sys.list) do w = math.max(w, #spec.name) end
  out[#out + 1] = format("%5s  %-" .. w .. "s  %s", "nr", "name", "classes")
  for _, spec in ipairs(sys.list) do
    if not set or set[spec.name] then
      local c = class_list(spec)
      local text = format("%5d  %-" .. w .. "s  %s", spec.nr, spec.name,
        table.concat(c, " "))
      out[#out + 1] = (text:gsub("%s+$", ""))
    end
  end
  out[#out + 1] = ""
  return table.concat(out, "\n")
end

D.scalar, D.alias_of, D.struct_param = scalar, alias_of, struct_param
return D
