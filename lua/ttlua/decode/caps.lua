-- ttlua.decode.caps: capget(2), capset(2).
--   capheader   struct __user_cap_header_struct {version=_LINUX_CAPABILITY_VERSION_3, pid=0}
--   capdata     one or two struct __user_cap_data_struct (by the header's
--               version), printed as one: {effective=1<<CAP_CHOWN|..., ...};
--               value: { effective = {lo, hi}, permitted = ..., inheritable = ... }
local bit = require "bit"
local U = require "ttlua.decode.util"

local band, rshift = bit.band, bit.rshift
local concat = table.concat

local V2, V3 = 0x20071026, 0x20080522

local function header(c, addr)
  if addr == 0 then return nil end
  local b = U.readn(c, addr, 8)
  if not b then return nil end
  return { version = U.get_u32(b, 0), pid = U.get_i32(b, 1) }
end

local function header_text(c, addr)
  local h = header(c, addr)
  if not h then return U.ptr(addr) end
  return "{version=" .. U.enum_x("cap_version", h.version, "_LINUX_CAPABILITY_VERSION_???")
    .. ", pid=" .. h.pid .. "}"
end

local function bits(v, word)
  local out, rest = {}, 0
  for b = 0, 31 do
    if band(rshift(v, b), 1) == 1 then
      local name = U.name("cap", b + 32 * word)
      if name then out[#out + 1] = "1<<" .. name else rest = rest + 2 ^ b end
    end
  end
  if rest ~= 0 then
    out[#out + 1] = U.x(rest) .. (#out == 0 and " /* CAP_??? */" or "")
  end
  return concat(out, "|")
end

local function cap_bits(lo, hi)
  local s = ""
  if lo ~= 0 or hi == 0 then s = lo == 0 and "0" or bits(lo, 0) end
  if hi ~= 0 then s = s .. (lo ~= 0 and "|" or "") .. bits(hi, 1) end
  return s
end

local function data_read(c, addr, h)
  if not h or addr == 0 then return nil end
  local n = (h.version == V2 or h.version == V3) and 2 or 1
  local b = U.readn(c, addr, 12 * n)
  if not b then return nil end
  local function pair(i)
    return { U.get_u32(b, i) % 4294967296, n > 1 and U.get_u32(b, 3 + i) or 0 }
  end
  return { effective = pair(0), permitted = pair(1), inheritable = pair(2) }
end

local function data_text(c, addr, h)
  if addr == 0 or not h then return U.ptr(addr) end
  local d = data_read(c, addr, h)
  if not d then return U.ptr(addr) end
  return "{effective=" .. cap_bits(d.effective[1], d.effective[2]) .. ", permitted="
    .. cap_bits(d.permitted[1], d.permitted[2]) .. ", inheritable="
    .. cap_bits(d.inheritable[1], d.inheritable[2]) .. "}"
end

U.type("capheader", {
  value = function(c, raw) return header(c, raw) end,
  format = function(c, raw) return header_text(c, raw) end,
})
U.type("capdata", {
  value = function(c, raw)
    if c.spec.name == "capget" and (c.result == nil or U.failed(c)) then return nil end
    return data_read(c, raw, header(c, c._args[1]))
  end,
  format = function(c, raw) return data_text(c, raw, header(c, c._args[1])) end,
})

U.call("capget", U.printer(
  function(c) return header_text(c, c._args[1]) .. ", " end,
  function(c)
    local h = not U.failed(c) and header(c, c._args[1]) or nil
    return data_text(c, c._args[2], h)
  end))
U.call("capset", U.at_entry(function(c)
  local h = header(c, c._args[1])
  return header_text(c, c._args[1]) .. ", " .. data_text(c, c._args[2], h)
end))

return { cap_bits = cap_bits }
