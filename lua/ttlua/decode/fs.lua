-- ttlua.decode.fs: directory reading.
--   dirents_out(ret)   getdents64's buffer, the result's bytes of it;
--                      value: the entries { d_ino, d_off, d_reclen, d_type,
--                      d_name }; text: the address and the number of
--                      entries, as strace prints it without -v:
--                      getdents64(3, 0x55d0... /* 5 entries */, 32768) = 144
-- getdents (linux_dirent, d_type in the last byte) prints the same way.
local U = require "ttlua.decode.util"

local HEADER = { linux_dirent64 = 19, linux_dirent = 18 }

-- strace's count: one per record header it could read.
local function count_entries(b, len, header)
  local n, off = 0, 0
  while len - off >= header do
    n = n + 1
    local reclen = b:byte(off + 17) + 256 * b:byte(off + 18)
    if reclen > len - off then return n, 0 end
    if reclen < header then
      off = off + header
    else
      off = off + reclen
    end
  end
  return n, len - off
end

local function dents_text(c, addr, count, name)
  local r = c.result
  if U.failed(c) or r > count then return U.ptr(addr) end
  local header = HEADER[name]
  local b = r > 0 and U.read(c, addr, r) or ""
  local s = U.ptr(addr)
  if not b then return s .. " /* 0+ entries */" end
  local n, left = count_entries(b, #b, header)
  if #b < r then left = 1 end
  return s .. " /* " .. n .. (left ~= 0 and "+" or "") .. " entries */"
end

local function dents_value(c, addr, name)
  if U.failed(c) then return nil end
  local b = U.read(c, addr, c.result)
  if not b then return nil end
  local list = U.structs().decode_dirents(name, b, #b)
  if name == "linux_dirent" then
    -- the type is the record's last byte
    local off = 0
    for _, e in ipairs(list) do
      e.d_type = b:byte(off + e.d_reclen)
      off = off + e.d_reclen
    end
  end
  return list
end

U.type("dirents_out", {
  out = true,
  value = function(c, raw) return dents_value(c, raw, "linux_dirent64") end,
  format = function(c, raw)
    if c.result == nil then return U.ptr(raw) end
    return dents_text(c, raw, U.u32(c._args[3]), "linux_dirent64")
  end,
})

local function getdents(name)
  return U.printer(
    function(c) return U.arg(c, 1) .. ", " end,
    function(c)
      local count = U.u32(c._args[3])
      return dents_text(c, c._args[2], count, name) .. ", " .. U.dec(count)
    end)
end
U.call("getdents64", getdents("linux_dirent64"))
U.call("getdents", getdents("linux_dirent"))

return { dents_value = dents_value }
