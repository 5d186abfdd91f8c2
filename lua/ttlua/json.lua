-- ttlua.json: a small JSON encoder for --json output (RFC 8259).
-- The output is valid JSON whatever bytes the values hold:
--   nil, json.null          null
--   true/false              true/false
--   numbers                 integers as integers (exact up to 2^53), other
--                           finite numbers with 17 significant digits;
--                           NaN and infinities as null
--   64-bit cdata integers   exact decimal integers
--   byte strings            a JSON string when the bytes are valid UTF-8
--                           (control characters, ", \ and DEL escaped);
--                           otherwise an object {"b64": base64 of the bytes}
--   tables                  an array when the keys are exactly 1..n (an
--                           empty table is []), else an object whose keys
--                           are sorted (non-string keys via tostring)
-- json.bytes(s, cut, len) is the same rule for a buffer that was cut at
-- the -s limit: it becomes {"str": text, ...} or {"b64": ..., ...} with
-- "truncated": true and, when known, "len": the buffer's full length.
local ffi = require "ffi"
local bit = require "bit"

local byte, char, format, concat = string.byte, string.char, string.format, table.concat
local band, rshift, lshift, bor = bit.band, bit.rshift, bit.lshift, bit.bor

local M = {}

-- The JSON null, for places where nil cannot stand (array holes, keys).
M.null = setmetatable({}, { __tostring = function() return "null" end })

-- ---- UTF-8 ----------------------------------------------------------------

-- Is s valid UTF-8 (shortest forms only, no surrogates, at most U+10FFFF)?
function M.utf8_valid(s)
  if not s:find("[\128-\255]") then return true end
  local i, n = 1, #s
  while i <= n do
    local c = byte(s, i)
    if c < 0x80 then
      i = i + 1
    else
      local len, min, lo, hi
      if c >= 0xC2 and c <= 0xDF then
        len, min = 2, 0x80
      elseif c >= 0xE0 and c <= 0xEF then
        len, min = 3, 0x800
      elseif c >= 0xF0 and c <= 0xF4 then
        len, min = 4, 0x10000
      else
        return false
      end
      if i + len - 1 > n then return false end
      local cp = band(c, len == 2 and 0x1F or len == 3 and 0x0F or 0x07)
      for k = 1, len - 1 do
        local cc = byte(s, i + k)
        if cc < 0x80 or cc > 0xBF then return false end
        cp = bor(lshift(cp, 6), band(cc, 0x3F))
      end
      lo, hi = min, 0x10FFFF
      if cp < lo or cp > hi or (cp >= 0xD800 and cp <= 0xDFFF) then return false end
      i = i + len
    end
  end
  return true
end

-- The longest prefix of s (valid UTF-8 except maybe at its end) that ends
-- on a character boundary: a buffer cut at -s bytes may end mid-character.
local function utf8_trim(s)
  local n = #s
  local k = n
  -- step back over at most 3 continuation bytes to the lead byte
  while k > 0 and k > n - 4 do
    local c = byte(s, k)
    if c < 0x80 then return s end
    if c >= 0xC0 then
      local len = c >= 0xF0 and 4 or c >= 0xE0 and 3 or 2
      if k + len - 1 > n then return s:sub(1, k - 1) end
      return s
    end
    k = k - 1
  end
  return s
end

-- ---- strings ---------------------------------------------------------------------

local escapes = {
  ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
}
for c = 0, 31 do
  local ch = char(c)
  escapes[ch] = escapes[ch] or format("\\u%04x", c)
end
escapes["\127"] = "\\u007f"

-- A JSON string literal for text that is valid UTF-8.
local function quote(s)
  if not s:find('[%z\1-\31"\\\127]') then return '"' .. s .. '"' end
  return '"' .. s:gsub('[%z\1-\31"\\\127]', escapes) .. '"'
end
M.quote = quote

local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local b64 = {}
for i = 1, 64 do b64[i - 1] = b64chars:sub(i, i) end

function M.base64(s)
  local out = {}
  local n = #s
  for i = 1, n - 2, 3 do
    local a, b, c = byte(s, i, i + 2)
    local v = a * 65536 + b * 256 + c
    out[#out + 1] = b64[rshift(v, 18)] .. b64[band(rshift(v, 12), 63)] ..
      b64[band(rshift(v, 6), 63)] .. b64[band(v, 63)]
  end
  local rest = n % 3
  if rest == 1 then
    local v = byte(s, n) * 65536
    out[#out + 1] = b64[rshift(v, 18)] .. b64[band(rshift(v, 12), 63)] .. "=="
  elseif rest == 2 then
    local a, b = byte(s, n - 1, n)
    local v = a * 65536 + b * 256
    out[#out + 1] = b64[rshift(v, 18)] .. b64[band(rshift(v, 12), 63)] ..
      b64[band(rshift(v, 6), 63)] .. "="
  end
  return concat(out)
end

-- JSON for a byte string.  cut: the bytes are the head of a longer buffer
-- (len: its full length when known).
function M.bytes(s, cut, len)
  if cut then s = utf8_trim(s) end
  local text = M.utf8_valid(s)
  if not cut then
    if text then return quote(s) end
    return '{"b64":"' .. M.base64(s) .. '"}'
  end
  local head = text and ('{"str":' .. quote(s)) or ('{"b64":"' .. M.base64(s) .. '"')
  if len then return head .. ',"truncated":true,"len":' .. format("%d", len) .. "}" end
  return head .. ',"truncated":true}'
end

-- ---- numbers and values ---------------------------------------------------------

local function number(v)
  if v ~= v or v == math.huge or v == -math.huge then return "null" end
  if v == math.floor(v) then
    if v > -2 ^ 53 and v < 2 ^ 53 then return format("%d", v) end
    return format("%.0f", v)
  end
  return format("%.17g", v)
end
M.number = number

local int64_t, uint64_t = ffi.typeof("int64_t"), ffi.typeof("uint64_t")

local encode

local function is_array(t)
  local n = #t
  local count = 0
  for _ in pairs(t) do
    count = count + 1
    if count > n then return false end
  end
  return count == n
end

local function encode_table(t, depth)
  if depth > 32 then return "null" end
  if getmetatable(t) == getmetatable(M.null) and t == M.null then return "null" end
  if is_array(t) then
    local parts = {}
    for i = 1, #t do parts[i] = encode(t[i], depth + 1) end
    return "[" .. concat(parts, ",") .. "]"
  end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "string" or ta == "number" then return a < b end
    return tostring(a) < tostring(b)
  end)
  local parts = {}
  for _, k in ipairs(keys) do
    local ks = type(k) == "string" and k or tostring(k)
    local v = encode(t[k], depth + 1)
    parts[#parts + 1] = M.bytes(ks) .. ":" .. v
  end
  return "{" .. concat(parts, ",") .. "}"
end

function encode(v, depth)
  local tv = type(v)
  if tv == "string" then
    return M.bytes(v)
  elseif tv == "number" then
    return number(v)
  elseif tv == "boolean" then
    return v and "true" or "false"
  elseif tv == "table" then
    if v == M.null then return "null" end
    return encode_table(v, depth or 0)
  elseif tv == "cdata" then
    if ffi.istype(int64_t, v) or ffi.istype(uint64_t, v) then
      return (tostring(v):gsub("U?LL$", ""))
    end
    local ok, n = pcall(tonumber, v)
    if ok and type(n) == "number" then return number(n) end
    return "null"
  end
  return "null" -- nil, functions, userdata, threads
end

-- JSON text for a Lua value.
function M.encode(v)
  return encode(v, 0)
end

-- An object with keys in the given order: json.object(k1, v1, k2, v2, ...)
-- where each v is already JSON text; pairs whose v is nil are left out.
function M.object(...)
  local list, n = { ... }, select("#", ...)
  local parts, m = {}, 0
  for i = 1, n, 2 do
    local v = list[i + 1]
    if v ~= nil then
      m = m + 1
      parts[m] = quote(list[i]) .. ":" .. v
    end
  end
  return "{" .. concat(parts, ",") .. "}"
end

return M
