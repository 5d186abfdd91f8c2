-- A strict JSON parser for the specs (RFC 8259): the whole text must be one
-- value; strings must be valid UTF-8 with no raw control characters; no
-- trailing commas, comments, NaN or leading zeros.  decode(text) returns the
-- value (null as json.null) or nil, "message at byte N".
local M = {}

M.null = setmetatable({}, { __tostring = function() return "null" end })

local byte, sub, char = string.byte, string.sub, string.char

local function utf8_char(cp)
  if cp < 0x80 then return char(cp) end
  if cp < 0x800 then return char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64) end
  if cp < 0x10000 then
    return char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
  end
  return char(0xF0 + math.floor(cp / 262144), 0x80 + math.floor(cp / 4096) % 64,
    0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
end

-- Length of the valid UTF-8 sequence starting at i, or nil.
local function utf8_len(s, i)
  local c = byte(s, i)
  local len, min
  if c < 0x80 then return 1
  elseif c >= 0xC2 and c <= 0xDF then len, min = 2, 0x80
  elseif c >= 0xE0 and c <= 0xEF then len, min = 3, 0x800
  elseif c >= 0xF0 and c <= 0xF4 then len, min = 4, 0x10000
  else return nil end
  local cp = c % (len == 2 and 32 or len == 3 and 16 or 8)
  for k = 1, len - 1 do
    local cc = byte(s, i + k)
    if not cc or cc < 0x80 or cc > 0xBF then return nil end
    cp = cp * 64 + cc % 64
  end
  if cp < min or cp > 0x10FFFF or (cp >= 0xD800 and cp <= 0xDFFF) then return nil end
  return len
end

function M.decode(s)
  local pos = 1
  local function err(msg) error({ msg = msg .. " at byte " .. pos }, 0) end
  local function ws()
    pos = s:find("[^ \t\r\n]", pos) or #s + 1
  end
  local value
  local function str()
    pos = pos + 1
    local out = {}
    while true do
      local c = byte(s, pos)
      if not c then err("unterminated string") end
      if c == 34 then pos = pos + 1; return table.concat(out) end
      if c < 32 then err("raw control character in string") end
      if c == 92 then
        local e = sub(s, pos + 1, pos + 1)
        local simple = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f",
                         n = "\n", r = "\r", t = "\t" }
        if simple[e] then
          out[#out + 1] = simple[e]
          pos = pos + 2
        elseif e == "u" then
          local h = sub(s, pos + 2, pos + 5)
          if not h:match("^%x%x%x%x$") then err("bad \\u escape") end
          local cp = tonumber(h, 16)
          pos = pos + 6
          if cp >= 0xD800 and cp <= 0xDBFF then
            local h2 = s:match("^\\u(%x%x%x%x)", pos)
            local lo = h2 and tonumber(h2, 16)
            if not lo or lo < 0xDC00 or lo > 0xDFFF then err("lone high surrogate") end
            cp = 0x10000 + (cp - 0xD800) * 1024 + (lo - 0xDC00)
            pos = pos + 6
          elseif cp >= 0xDC00 and cp <= 0xDFFF then
            err("lone low surrogate")
          end
          out[#out + 1] = utf8_char(cp)
        else
          err("bad escape")
        end
      else
        local n = utf8_len(s, pos)
        if not n then err("invalid UTF-8 in string") end
        out[#out + 1] = sub(s, pos, pos + n - 1)
        pos = pos + n
      end
    end
  end
  function value()
    ws()
    local c = sub(s, pos, pos)
    if c == "{" then
      pos = pos + 1
      local t = {}
      ws()
      if sub(s, pos, pos) == "}" then pos = pos + 1; return t end
      while true do
        ws()
        if sub(s, pos, pos) ~= '"' then err("object key must be a string") end
        local k = str()
        ws()
        if sub(s, pos, pos) ~= ":" then err("expected ':'") end
        pos = pos + 1
        t[k] = value()
        ws()
        local d = sub(s, pos, pos)
        pos = pos + 1
        if d == "}" then return t end
        if d ~= "," then err("expected ',' or '}'") end
      end
    elseif c == "[" then
      pos = pos + 1
      local t = {}
      ws()
      if sub(s, pos, pos) == "]" then pos = pos + 1; return t end
      while true do
        t[#t + 1] = value()
        ws()
        local d = sub(s, pos, pos)
        pos = pos + 1
        if d == "]" then return t end
        if d ~= "," then err("expected ',' or ']'") end
      end
    elseif c == '"' then
      return str()
    elseif s:match("^true", pos) then
      pos = pos + 4; return true
    elseif s:match("^false", pos) then
      pos = pos + 5; return false
    elseif s:match("^null", pos) then
      pos = pos + 4; return M.null
    end
    local num = s:match("^%-?0[%.eE]?[%d%.eE+-]*", pos) or s:match("^%-?[1-9][%d%.eE+-]*", pos)
    if not num or not num:match("^%-?%d+%.?%d*[eE]?[+-]?%d*$") or num:match("^%-?0%d")
      or num:match("%.$") or num:match("%.[eE]") or num:match("[eE][+-]?$") then
      err("unexpected character")
    end
    pos = pos + #num
    return tonumber(num)
  end
  local ok, v = pcall(function()
    local r = value()
    ws()
    if pos <= #s then err("trailing text") end
    return r
  end)
  if not ok then return nil, type(v) == "table" and v.msg or tostring(v) end
  return v
end

-- Base64 decoding (for {"b64": ...} values).
function M.unbase64(s)
  local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  local map = {}
  for i = 1, 64 do map[alphabet:sub(i, i)] = i - 1 end
  local out, bits, nbits = {}, 0, 0
  for ch in s:gmatch("[^=]") do
    bits = bits * 64 + assert(map[ch], "bad base64")
    nbits = nbits + 6
    if nbits >= 8 then
      nbits = nbits - 8
      local b = math.floor(bits / 2 ^ nbits)
      out[#out + 1] = char(b)
      bits = bits - b * 2 ^ nbits
    end
  end
  return table.concat(out)
end

-- The bytes a JSON byte-string value stands for (string or {str|b64=...}).
function M.bytes(v)
  if type(v) == "string" then return v end
  if type(v) == "table" then
    if v.str then return v.str end
    if v.b64 then return M.unbase64(v.b64) end
  end
  return nil
end

return M
