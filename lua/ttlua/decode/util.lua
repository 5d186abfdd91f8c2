-- ttlua.decode.util: the small kit the decoder families share.
-- Number printing as strace does it, flag/enum names from ttlua.xlat,
-- reading the tracee (never raising: a failed read gives nil and the
-- caller prints the address), structs through ttlua.structs/structfmt,
-- and the registration of argument types and whole-call printers.
local bit = require "bit"
local ffi = require "ffi"
local core = require "ttlua.core"
local types = require "ttlua.types"
local quote = require "ttlua.quote"

local band, tobit = bit.band, bit.tobit
local format, concat = string.format, table.concat

local U = {}
U.types, U.quote = types, quote
U.hex, U.ptr = types.hex, types.ptr

local TWO32, TWO64 = 4294967296, 2 ^ 64

-- ---- numbers -----------------------------------------------------------------

function U.s32(v) return tobit(v) end
function U.u32(v) return tobit(v) % TWO32 end
-- a register as C's unsigned long (a Lua number; exact below 2^53)
function U.u64(v) if v < 0 then return v + TWO64 end return v end

function U.dec(v) return format("%d", v) end
-- unsigned decimal of a 64-bit register value
local u64buf = ffi.new("int64_t[1]")
function U.udec(v)
  if v < 0 then
    u64buf[0] = v
    return (tostring(ffi.cast("uint64_t", u64buf[0])):gsub("ULL$", ""))
  end
  return format("%d", v)
end
-- "%#x", with 0 printed as "0" (strace's PRINT_VAL_X)
function U.x(v)
  if v == 0 then return "0" end
  return types.hex(v)
end
-- "%#x" of the low 32 bits
function U.x32(v)
  v = tobit(v) % TWO32
  if v == 0 then return "0" end
  return format("%#x", v)
end
function U.oct(v) return format("%#03o", v) end

-- ---- flag and enum sets ------------------------------------------------------

local xlat_mod
local function X()
  if xlat_mod == nil then
    local ok, m = pcall(require, "ttlua.xlat")
    xlat_mod = ok and m or false
  end
  return xlat_mod
end
U.xlat = X

-- strace's text for v in set `set` (unknown values as the set prints them);
-- without the set: hex.
function U.set(set, v)
  local x = X()
  if x then
    local ok, s = pcall(x.format, set, v)
    if ok and s then return s end
  end
  return U.x(v)
end
-- flags printed without the set's comment for unknown bits (strace's
-- printflags with a NULL default)
function U.set_plain(set, v)
  return (U.set(set, v):gsub(" /%* [^*]* %*/$", ""))
end
-- the name of v in enum `set`, or nil
function U.name(set, v)
  local x = X()
  if not x then return nil end
  local ok, s = pcall(x.name, set, v)
  if ok then return s end
  return nil
end
-- an enum printed as its name or, unknown, in decimal
function U.enum_d(set, v, unknown)
  local n = U.name(set, v)
  if n then return n end
  if unknown then return format("%d /* %s */", v, unknown) end
  return format("%d", v)
end
-- an enum printed as its name or, unknown, in hex with strace's comment
function U.enum_x(set, v, unknown)
  local n = U.name(set, v)
  if n then return n end
  if unknown then return U.x(v) .. " /* " .. unknown .. " */" end
  return U.x(v)
end
-- flags: the set's own printer, which knows its unknown-bits comment
U.flags = U.set

function U.signame(sig)
  return types.signame(sig)
end
-- strace's printsignal: a name for 1..64, else the number
function U.signal(sig)
  if sig > 0 and sig <= 64 then return types.signame(sig) end
  return format("%d", sig)
end

-- ---- calls ---------------------------------------------------------------------

function U.pid(call) return call.proc.pid end

-- Did the call fail (or not finish)?
function U.failed(call)
  local r = call.result
  return r == nil or (r < 0 and r > -4096)
end

-- The raw value of argument i.
function U.raw(call, i) return call._args[i] end

-- Argument i printed by its vocabulary type (any error: hex).
function U.arg(call, i)
  local spec = call.spec
  local a = spec.args[i]
  local raw = call._args[i]
  local t = types.get(a.kind)
  local ok, s = pcall(t.format, call, raw, a)
  if ok and s then return s end
  return types.hex(raw)
end

-- Arguments from..to, joined with ", ".
function U.args(call, from, to)
  local out = {}
  for i = from, to do out[#out + 1] = U.arg(call, i) end
  return concat(out, ", ")
end

-- A raw value printed as vocabulary type `kind` (param: its parameter).
local fake_args = {}
function U.as(kind, call, raw, param)
  local key = kind .. "\0" .. (param or "")
  local a = fake_args[key]
  if not a then
    a = { kind = kind, param = param, name = "_" .. kind }
    fake_args[key] = a
  end
  local t = types.get(kind)
  local ok, s = pcall(t.format, call, raw, a)
  if ok and s then return s end
  return types.hex(raw)
end

-- ---- memory --------------------------------------------------------------------

function U.read(call, addr, len)
  if addr == 0 or not len or len < 0 then return nil end
  if len == 0 then return "" end
  local s = core.read(call.proc.pid, addr, len)
  return s
end

-- Exactly len bytes, or nil.
function U.readn(call, addr, len)
  local s = U.read(call, addr, len)
  if s and #s == len then return s end
  return nil
end

function U.readstr(call, addr, max)
  if addr == 0 then return nil end
  return core.readstr(call.proc.pid, addr, max or 4096)
end

local i32p, u32p, i64p, u64p = ffi.typeof("const int32_t *"), ffi.typeof("const uint32_t *"),
  ffi.typeof("const int64_t *"), ffi.typeof("const uint64_t *")
function U.get_i32(s, off) return ffi.cast(i32p, s)[off or 0] end
function U.get_u32(s, off) return ffi.cast(u32p, s)[off or 0] end
function U.get_i64(s, off) return tonumber(ffi.cast(i64p, s)[off or 0]) end
function U.get_u64(s, off) return tonumber(ffi.cast(u64p, s)[off or 0]) end
-- the exact text of an unsigned 64-bit word (no rounding above 2^53)
function U.get_u64_text(s, off)
  return (tostring(ffi.cast(u64p, s)[off or 0]):gsub("ULL$", ""))
end

function U.read_i32(call, addr)
  local s = U.readn(call, addr, 4)
  return s and U.get_i32(s) or nil
end
function U.read_u32(call, addr)
  local s = U.readn(call, addr, 4)
  return s and U.get_u32(s) or nil
end
function U.read_i64(call, addr)
  local s = U.readn(call, addr, 8)
  return s and U.get_i64(s) or nil
end
function U.read_u64(call, addr)
  local s = U.readn(call, addr, 8)
  return s and U.get_u64(s) or nil
end

-- A string the tracee points to, quoted with the -s limit ("..." when cut).
function U.str(call, addr, max)
  if addr == 0 then return "NULL" end
  max = max or types.opts.strsize
  local s, complete = U.readstr(call, addr, max)
  if not s then return U.ptr(addr) end
  return quote.quote(s) .. (complete and "" or "...")
end

-- A buffer of len bytes, printed as strace's printstrn: at most -s bytes,
-- "..." after the quote when cut; hexmode gives \xNN for every byte.
function U.buf(call, addr, len, hexmode)
  if addr == 0 then return "NULL" end
  if not len or len < 0 then return U.ptr(addr) end
  local max = types.opts.strsize
  local n = len < max + 1 and len or max + 1
  local s = U.read(call, addr, n)
  if not s or #s < math.min(n, len) then return U.ptr(addr) end
  if #s > max then return quote.quote(s, max, hexmode) .. "..." end
  return quote.quote(s, nil, hexmode)
end

-- ---- structs ---------------------------------------------------------------------

local structs_mod, structfmt_mod
function U.structs()
  if structs_mod == nil then structs_mod = require "ttlua.structs" end
  return structs_mod
end
function U.structfmt()
  if structfmt_mod == nil then structfmt_mod = require "ttlua.structfmt" end
  return structfmt_mod
end

-- Read and decode struct `name` at addr (nil on a bad address).
function U.struct(call, addr, name, len)
  if addr == 0 then return nil end
  local S = U.structs()
  local size = len or S.size(name)
  local b = U.read(call, addr, size)
  if not b or #b < S.minsize(name) then return nil end
  return S.decode(name, b)
end

-- strace text of decoded struct t (errors: nil)
function U.sfmt(name, t, opts)
  local ok, s = pcall(U.structfmt().format, name, t, opts)
  if ok then return s end
  return nil
end

-- The struct at addr printed, or NULL / the address when unreadable.
function U.pstruct(call, addr, name, opts)
  if addr == 0 then return "NULL" end
  local t = U.struct(call, addr, name)
  local s = t and U.sfmt(name, t, opts)
  return s or U.ptr(addr)
end

-- An array of count structs at addr: "[{...}, {...}]", at most -s of them.
function U.parray(call, addr, name, count, opts, each)
  if addr == 0 then return "NULL" end
  if count <= 0 then return "[]" end
  local S = U.structs()
  local size = S.size(name)
  local max = types.opts.strsize
  local n = count > max and max or count
  local b = U.read(call, addr, size * n)
  if not b or #b < size then return U.ptr(addr) end
  local out = {}
  for i = 0, n - 1 do
    if (i + 1) * size > #b then out[#out + 1] = "..."; break end
    local t = S.decode(name, b:sub(i * size + 1, (i + 1) * size))
    local s = each and each(t, i) or U.sfmt(name, t, opts)
    if s ~= false then out[#out + 1] = s or "{...}" end
  end
  if count > n then out[#out + 1] = "..." end
  return "[" .. concat(out, ", ") .. "]"
end

-- ---- registration ------------------------------------------------------------------

-- An argument type of the vocabulary.
function U.type(kind, t) types.register(kind, t) end
-- A syscall whose whole line this family prints.
function U.call(name, f) types.register_call(name, f) end

-- A call printer from two functions (entry may be a string of the
-- argument text at entry; exit may be nil).
local function nothing() return "" end
function U.printer(entry, exit, result)
  return { entry = entry, exit = exit or nothing, result = result }
end

-- The common case: everything printed at entry by f(call).
function U.at_entry(f, result)
  return { entry = f, exit = nothing, result = result }
end

U.band = band
return U
