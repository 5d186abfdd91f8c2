-- ttlua.quote: C-string quoting the way strace prints strings.
-- Printable ASCII stays as is; \" \\ \t \n \v \f \r are escaped; any other
-- byte is an octal escape with the fewest digits that stay unambiguous
-- (three when the next byte is an octal digit).  hex = true gives \xNN for
-- every byte (strace does so for random bytes and when asked with -x).
local byte, char, concat = string.byte, string.char, table.concat

local M = {}

local simple = {
  [9] = "\\t", [10] = "\\n", [11] = "\\v", [12] = "\\f", [13] = "\\r",
  [34] = '\\"', [92] = "\\\\",
}

local function octal(c, next_is_digit)
  if next_is_digit then
    return "\\" .. char(48 + math.floor(c / 64), 48 + math.floor(c / 8) % 8, 48 + c % 8)
  end
  if c >= 64 then
    return "\\" .. char(48 + math.floor(c / 64), 48 + math.floor(c / 8) % 8, 48 + c % 8)
  elseif c >= 8 then
    return "\\" .. char(48 + math.floor(c / 8), 48 + c % 8)
  end
  return "\\" .. char(48 + c)
end

-- Does s need escaping at all?  (The common case is a plain string.)
local function plain(s)
  return not s:find('[%z\1-\31"\\\127-\255]')
end

-- Quote s (at most n bytes of it, default all) as strace does.
function M.quote(s, n, hex)
  n = n or #s
  if n > #s then n = #s end
  if not hex and plain(s) then
    return '"' .. (n < #s and s:sub(1, n) or s) .. '"'
  end
  local out = { '"' }
  for i = 1, n do
    local c = byte(s, i)
    if hex then
      out[#out + 1] = string.format("\\x%02x", c)
    elseif simple[c] then
      out[#out + 1] = simple[c]
    elseif c >= 32 and c < 127 then
      out[#out + 1] = char(c)
    else
      local nx = byte(s, i + 1)
      out[#out + 1] = octal(c, i < n and nx and nx >= 48 and nx <= 55)
    end
  end
  out[#out + 1] = '"'
  return concat(out)
end

-- Append the quoted form of s (its first n bytes) to a string.buffer.
function M.put(b, s, n, hex)
  if not hex and plain(s) then
    if n and n < #s then s = s:sub(1, n) end
    b:put('"', s, '"')
    return
  end
  b:put(M.quote(s, n, hex))
end

-- Quote a buffer of which only the first max bytes are printed: strace
-- appends "..." after the closing quote when it cut the string.
function M.quote_max(s, max, hex)
  if #s > max then
    return M.quote(s, max, hex) .. "..."
  end
  return M.quote(s, nil, hex)
end

return M
