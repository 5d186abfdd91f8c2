-- ttlua.xlat: the constant sets (flags and enums) as Lua data, and the
-- strace-style printer for them.
--
--   local xlat = require "ttlua.xlat"
--   xlat.open_flags                 -- the set, loaded from xlat/open_flags.lua
--   xlat.format("open_flags", 0x80241)  --> "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC"
--   xlat.value("O_CREAT")           --> 64 (any name of any loaded set)
--   xlat.const.O_CREAT              --> 64 (loads every set)
--
-- A set file returns { kind = "flags"|"enum", headers = {...}, {name, value}, ... }
-- plus optional printing rules (all data, see README in this directory):
--   unknown = "O_???"   comment after a value nothing in the set names
--   bits = 64           the value is printed as 64 bits (default: truncated to 32)
--   base = 10           unknown enum values print in decimal (default: hex)
--   low = { mask, set, raw, last, always, rest_unknown }
--                       value & mask is an enum from another set, printed first
--                       (or last); raw: printed even when that set has no name
--   field = { mask, shift, name, always }
--                       a number inside the flags, printed as N<<NAME (or N)
--   perm = 0x1ff        permission bits, printed last in octal (msgget, shmget)
--   exact = { [value] = "text" }   whole values printed as given
--   special = "signal"|"ioctl"|"quotactl"|"umode"|"symbolic_mode"
--                       a printer below that is more than a table look-up
local bit = require "bit"

local band, bnot, rshift = bit.band, bit.bnot, bit.rshift
local floor, format, concat = math.floor, string.format, table.concat
local type, tonumber, pairs, ipairs, rawset = type, tonumber, pairs, ipairs, rawset

local TWO32 = 4294967296
local MEMO_MAX = 4096         -- per set; the memo is dropped and restarted past this

local M = {}
local loaded = {}             -- set name -> prepared set
local by_name_all = {}        -- constant name -> value, over every loaded set

-- 32-bit unsigned view of a bit op result (LuaJIT's bit ops return int32).
local function u32(x)
  if x < 0 then return x + TWO32 end
  return x
end

-- Split a value (Lua number or 64-bit FFI cdata) into unsigned 32-bit halves.
local function split(v)
  if type(v) == "number" then
    local lo = v % TWO32
    local hi = floor(v / TWO32) % TWO32
    return lo, hi
  end
  -- int64_t / uint64_t cdata: use the bit library's 64-bit forms
  local lo = tonumber(band(v, 0xffffffff))
  local hi = tonumber(band(rshift(v, 32), 0xffffffff))
  return u32(lo), u32(hi)
end

local function hex(lo, hi)
  if hi ~= 0 then return format("0x%x%08x", hi, lo) end
  if lo == 0 then return "0" end
  return format("%#x", lo)
end

local function unknown_number(set, lo, hi)
  local s
  if set.base == 10 then
    if hi == 0 and lo >= 2147483648 and set.bits ~= 64 then
      s = format("%d", lo - TWO32)
    elseif hi ~= 0 then
      s = format("%.0f", hi * TWO32 + lo)
    else
      s = format("%d", lo)
    end
  else
    s = hex(lo, hi)
  end
  if set.unknown then return s .. " /* " .. set.unknown .. " */" end
  return s
end

local prepare                  -- forward
local specials = {}

local function load_set(name)
  local set = loaded[name]
  if set then return set end
  if type(name) ~= "string" or not name:match("^[%w_]+$") or name == "init" then
    return nil
  end
  local path = package.searchpath("ttlua.xlat." .. name, package.path)
  if not path then return nil end
  local chunk = assert(loadfile(path))
  set = prepare(name, chunk())
  loaded[name] = set
  return set
end

-- Names that strace 6.1 does not know (tagged since = "6.2" and later) are
-- constants a policy can use, but are not printed unless print_newer is
-- set before the set loads: the log reads as strace 6.1's does.
M.print_newer = os.getenv("TTLUA_XLAT_NEWER") == "1"

-- Give a set its look-up tables:
--   by_value[v]  first name with value v (v as a Lua number)
--   by_name[n]   value of name n
--   bitlist      { {lo, hi, name}, ... } the non-zero values in print order
prepare = function(name, set)
  set.name = name
  local by_value, by_name, bits = {}, {}, {}
  local zero_name
  for i = 1, #set do
    local e = set[i]
    local n, v = e[1], e[2]
    by_name[n] = v
    if by_name_all[n] == nil then by_name_all[n] = v end
    -- an alias is found by name, never printed; a newer name only with print_newer
    if not e.alias and (not e.since or M.print_newer) then
      if by_value[v] == nil then by_value[v] = n end
      if v == 0 then
        zero_name = zero_name or n
      else
        local lo, hi = split(v)
        bits[#bits + 1] = { lo, hi, n }
      end
    end
  end
  set.by_value, set.by_name, set.bitlist, set.zero_name = by_value, by_name, bits, zero_name
  set.memo, set.memo_n = {}, 0
  if set.low then set.low.mask_lo = split(set.low.mask) end
  if set.field then set.field.mask_lo = split(set.field.mask) end
  return set
end

-- The flags printer: names in set order, each taking its bits; leftover bits
-- appended in hex. Returns the text, or nil when lo == hi == 0 and the set
-- has no name for zero. found tells whether any name was printed.
local function flags_text(set, lo, hi)
  if lo == 0 and hi == 0 then
    return set.zero_name, set.zero_name ~= nil
  end
  local out, n = {}, 0
  local bits = set.bitlist
  for i = 1, #bits do
    local b = bits[i]
    local blo, bhi = b[1], b[2]
    if u32(band(lo, blo)) == blo and u32(band(hi, bhi)) == bhi then
      n = n + 1
      out[n] = b[3]
      lo = u32(band(lo, bnot(blo)))
      hi = u32(band(hi, bnot(bhi)))
      if lo == 0 and hi == 0 then break end
    end
  end
  if n == 0 then return nil, false end
  if lo ~= 0 or hi ~= 0 then
    n = n + 1
    out[n] = hex(lo, hi)
  end
  return concat(out, "|", 1, n), true
end

local function lookup(set, lo, hi)
  return set.by_value[hi * TWO32 + lo]
end

local format_value               -- forward

local function format_flags(set, lo, hi)
  local parts, n = {}, 0
  local low, field = set.low, set.field
  local lowset = low and load_set(low.set)
  local low_first_printed = false

  -- low enum printed first
  if low and not low.last then
    local lv = u32(band(lo, low.mask_lo))
    local name = lowset.kind == "enum" and lookup(lowset, lv, 0)
    if lowset.kind == "flags" then          -- a flags set of its own (statx sync type)
      n = n + 1; parts[n] = format_value(lowset, lv, 0)
      lo = u32(band(lo, bnot(low.mask_lo)))
      low_first_printed = true
    elseif name then
      n = n + 1; parts[n] = name
      lo = u32(band(lo, bnot(low.mask_lo)))
      low_first_printed = true
    elseif low.raw then
      n = n + 1; parts[n] = format_value(lowset, lv, 0)
      lo = u32(band(lo, bnot(low.mask_lo)))
      low_first_printed = true
    end
  end

  -- low enum printed last (clone's exit signal, IPC_64|cmd)
  local last_v
  if low and low.last then
    last_v = u32(band(lo, low.mask_lo))
    lo = u32(band(lo, bnot(low.mask_lo)))
  end

  -- a number field inside the flags (MAP_HUGE_*, swap priority)
  local field_text
  if field then
    local fv = u32(band(lo, field.mask_lo))
    lo = u32(band(lo, bnot(field.mask_lo)))
    if fv ~= 0 or field.always then
      fv = rshift(fv, field.shift)
      field_text = field.name and format("%d<<%s", fv, field.name) or format("%d", fv)
    end
  end

  -- permission bits (msgget/semget/shmget flags): octal, always, last
  local perm_text
  if set.perm then
    perm_text = format("%#03o", band(lo, set.perm))
    lo = u32(band(lo, bnot(set.perm)))
  end

  local last_text
  if last_v and (last_v ~= 0 or low.always or (lo == 0 and hi == 0)) then
    last_text = format_value(lowset, last_v, 0)
  end

  if lo ~= 0 or hi ~= 0 or (n == 0 and not field_text and not last_text and not perm_text) then
    local text, found = flags_text(set, lo, hi)
    if not found then
      if lo == 0 and hi == 0 then
        text = "0"
      elseif set.unknown and (not low_first_printed or low.rest_unknown) then
        text = hex(lo, hi) .. " /* " .. set.unknown .. " */"
      else
        text = hex(lo, hi)
      end
    end
    n = n + 1; parts[n] = text
  end
  if field_text then n = n + 1; parts[n] = field_text end
  if last_text then n = n + 1; parts[n] = last_text end
  if perm_text then n = n + 1; parts[n] = perm_text end
  return concat(parts, "|", 1, n)
end

format_value = function(set, lo, hi)
  if set.special then return specials[set.special](set, lo, hi) end
  if set.exact then
    local s = set.exact[hi * TWO32 + lo]
    if s then return s end
  end
  if set.kind == "flags" then return format_flags(set, lo, hi) end
  local name = lookup(set, lo, hi)
  if name then return name end
  return unknown_number(set, lo, hi)
end

local function s32(lo)
  if lo >= 2147483648 then return lo - TWO32 end
  return lo
end

-- signals: 1..31 by name, 32 SIGRTMIN, 33..64 SIGRT_n, anything else decimal
specials.signal = function(set, lo)
  local sig = s32(lo)
  local name = set.by_value[sig]
  if name then return name end
  if sig >= 33 and sig <= 64 then return format("SIGRT_%d", sig - 32) end
  return format("%d", sig)
end

-- ioctl request: every name of the code joined by " or ", else _IOC(dir, type, nr, size)
specials.ioctl = function(set, lo)
  local names = set.names_of
  if not names then
    names = {}
    for i = 1, #set do
      local e = set[i]
      local v = e[2]
      local prev = names[v]
      names[v] = prev and (prev .. " or " .. e[1]) or e[1]
    end
    set.names_of = names
  end
  local s = names[lo]
  if s then return s end
  local dirs = load_set("ioctl_dirs")
  return format("_IOC(%s, %s, %s, %s)", format_flags(dirs, rshift(lo, 30), 0),
    hex(band(rshift(lo, 8), 0xff), 0), hex(band(lo, 0xff), 0), hex(band(rshift(lo, 16), 0x3fff), 0))
end

-- quotactl cmd: QCMD(Q_*, *QUOTA)
specials.quotactl = function(set, lo)
  local cmd, qtype = rshift(lo, 8), band(lo, 0xff)
  local name = set.by_value[cmd]
  local types = load_set("quota_type")
  return format("QCMD(%s, %s)", name or unknown_number(set, cmd, 0), format_value(types, qtype, 0))
end

-- a numeric mode: octal, as strace's print_numeric_umode_t (umode_t: 16 bits)
specials.umode = function(_, lo)
  return format("%#03o", band(lo, 0xffff))
end

-- st_mode / mknod mode: S_IFREG|S_ISUID|0755; an unknown file type as octal
specials.symbolic_mode = function(set, lo)
  lo = band(lo, 0xffff)                  -- mode_t as the kernel passes it (umode_t)
  local ifmt = band(lo, 0xf000)
  local t = ""
  if ifmt ~= 0 then
    t = set.by_value[ifmt]
    if not t then return format("%#03o", lo) end
    t = t .. "|"
  end
  return format("%s%s%s%s%#03o", t,
    band(lo, 0x800) ~= 0 and "S_ISUID|" or "",
    band(lo, 0x400) ~= 0 and "S_ISGID|" or "",
    band(lo, 0x200) ~= 0 and "S_ISVTX|" or "",
    band(lo, 0x1ff))
end

--- The strace text for value in set setname (memoised per set and value).
function M.format(setname, value)
  local set = loaded[setname] or load_set(setname)
  if not set then error("ttlua.xlat: no set named " .. tostring(setname), 2) end
  local memo = set.memo
  local s = memo[value]
  if s then return s end
  local lo, hi = split(value)
  if set.bits ~= 64 then hi = 0 end
  s = format_value(set, lo, hi)
  if type(value) == "number" then
    if set.memo_n >= MEMO_MAX then
      memo = {}; set.memo = memo; set.memo_n = 0
    end
    memo[value] = s
    set.memo_n = set.memo_n + 1
  end
  return s
end

--- The name of value in an enum set, or nil.
function M.name(setname, value)
  local set = loaded[setname] or load_set(setname)
  if not set then return nil end
  return set.by_value[value]
end

--- The value of a constant name in any loaded set (nil when unknown).
function M.value(name)
  return by_name_all[name]
end

--- Every set name that has a data file (the *.lua beside this init.lua).
function M.list()
  local init = package.searchpath("ttlua.xlat", package.path)
  local dir = init and init:match("^(.*)/[^/]*$")
  local names = {}
  if not dir then return names end
  local p = io.popen('ls "' .. dir .. '" 2>/dev/null')
  if p then
    for f in p:lines() do
      local n = f:match("^([%w_]+)%.lua$")
      if n and n ~= "init" then names[#names + 1] = n end
    end
    p:close()
  end
  table.sort(names)
  return names
end

--- Load every set (xlat.const does this).
function M.load_all()
  for _, n in ipairs(M.list()) do load_set(n) end
  return loaded
end

M.load = load_set

setmetatable(M, {
  __index = function(t, k)
    if k == "const" then
      M.load_all()
      local c = {}
      for n, v in pairs(by_name_all) do
        if n:match("^[%w_]+$") then rawset(c, n, v) end
      end
      rawset(t, "const", c)
      return c
    end
    local set = load_set(k)
    if set then rawset(t, k, set) end
    return set
  end,
})

return M
