-- ttlua.syscalls: the typed syscall tables, indexed.
-- Loads lua/ttlua/syscalls/<arch>.lua (plain data), parses each argument
-- string ("dirfd dirfd, path pathname, ...") once, and indexes the result
-- by name and by number.  A spec is:
--   { nr, name, ret, classes = {file = true, ...}, nargs,
--     args = { {name, kind, param, index}, ... }, argi = {pathname = 2, ...} }
local M = {}

local function parse_arg(text, index)
  text = text:match("^%s*(.-)%s*$")
  local kind, param, name = text:match("^([%w_]+)%((.-)%)%s+([%w_]+)$")
  if not kind then
    kind, name = text:match("^([%w_]+)%s+([%w_]+)$")
  end
  if not kind then
    error(("bad argument spec %q"):format(text), 0)
  end
  return { name = name, kind = kind, param = param ~= "" and param or nil, index = index }
end

local function parse_args(s)
  local args = {}
  if s == nil or s:match("^%s*$") then return args end
  -- split on commas that are not inside parentheses
  local depth, start = 0, 1
  for i = 1, #s do
    local c = s:sub(i, i)
    if c == "(" then depth = depth + 1
    elseif c == ")" then depth = depth - 1
    elseif c == "," and depth == 0 then
      args[#args + 1] = parse_arg(s:sub(start, i - 1), #args + 1)
      start = i + 1
    end
  end
  args[#args + 1] = parse_arg(s:sub(start), #args + 1)
  return args
end
M.parse_args = parse_args

-- The argument list and classes are parsed on first use: ttlua starts
-- faster when it does not parse ~460 rows of which a run uses a few dozen.
local lazy_fields = { args = true, argi = true, nargs = true, classes = true }
local Spec = {
  __index = function(spec, k)
    if not lazy_fields[k] then return nil end
    local entry = rawget(spec, "_entry")
    local classes = {}
    for c in (entry.classes or ""):gmatch("%S+") do classes[c] = true end
    local args = parse_args(entry.args)
    local argi = {}
    for i, a in ipairs(args) do argi[a.name] = i end
    rawset(spec, "classes", classes)
    rawset(spec, "args", args)
    rawset(spec, "argi", argi)
    rawset(spec, "nargs", #args)
    return rawget(spec, k)
  end,
}

local function build(entry)
  return setmetatable({ nr = entry.nr, name = entry.name, ret = entry.ret or "long",
    _entry = entry }, Spec)
end

local tables = {}

-- The indexed table of an architecture: { by_name = {}, by_nr = {}, list = {} }.
function M.arch(name)
  local t = tables[name]
  if t then return t end
  local data = require("ttlua.syscalls." .. name)
  t = { by_name = {}, by_nr = {}, list = {} }
  local base = name ~= "x86_64" and M.arch("x86_64") or nil
  for _, entry in ipairs(data) do
    local spec
    if entry.args == nil and base and base.by_name[entry.name] then
      -- other ABIs reuse the x86_64 argument spec of the same name
      local b = base.by_name[entry.name]
      spec = setmetatable({ nr = entry.nr }, { __index = b })
    else
      spec = build(entry)
    end
    t.by_name[spec.name] = t.by_name[spec.name] or spec
    t.by_nr[spec.nr] = spec
    t.list[#t.list + 1] = spec
  end
  tables[name] = t
  return t
end

-- A spec for a number the table does not know (printed as syscall_NNN).
local unknown_cache = {}
function M.unknown(nr)
  local s = unknown_cache[nr]
  if not s then
    s = {
      nr = nr, name = ("syscall_%#x"):format(nr), ret = "long", classes = {}, argi = {},
      args = parse_args("ulong a1, ulong a2, ulong a3, ulong a4, ulong a5, ulong a6"),
      nargs = 6, unknown = true,
    }
    for i, a in ipairs(s.args) do s.argi[a.name] = i end
    unknown_cache[nr] = s
  end
  return s
end

return M
