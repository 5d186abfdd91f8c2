-- ttlua.decode.files: file times and file hints.
--   utimensat, utimes, futimesat: the two times with their dates in a
--     comment, UTIME_NOW / UTIME_OMIT by name
--   utime: struct utimbuf with the dates
--   fadvise64: the advice by name
local U = require "ttlua.decode.util"

local UTIME_NOW, UTIME_OMIT = 1073741823, 1073741822

local function datestr(sec, frac, width)
  if (sec == 0 and frac == 0) then return nil end
  local ok, s = pcall(os.date, "%Y-%m-%dT%H:%M:%S", sec)
  if not ok or not s then return nil end
  if frac > 0 then s = s .. string.format(".%0" .. width .. "d", frac) end
  return s .. os.date("%z", sec)
end

-- two timespecs (nsec = true) or timevals at addr
local function time_pair(c, addr, nsec)
  if addr == 0 then return "NULL" end
  local b = U.readn(c, addr, 32)
  if not b then return U.ptr(addr) end
  local out = {}
  for i = 0, 1 do
    local sec, frac = U.get_i64(b, 2 * i), U.get_i64(b, 2 * i + 1)
    if frac == UTIME_NOW then out[#out + 1] = "UTIME_NOW"
    elseif frac == UTIME_OMIT then out[#out + 1] = "UTIME_OMIT"
    else
      local s = "{tv_sec=" .. sec .. (nsec and ", tv_nsec=" or ", tv_usec=") .. frac .. "}"
      local d = frac >= 0 and frac <= (nsec and 999999999 or 999999) and datestr(sec, frac, nsec and 9 or 6)
      if d then s = s .. " /* " .. d .. " */" end
      out[#out + 1] = s
    end
  end
  return "[" .. out[1] .. ", " .. out[2] .. "]"
end

U.call("utimensat", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", " .. time_pair(c, c._args[3], true) .. ", "
    .. U.set("at_flags", U.u32(c._args[4]))
end))
U.call("utimes", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. time_pair(c, c._args[2], false)
end))
U.call("futimesat", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", " .. time_pair(c, c._args[3], false)
end))
U.call("utime", U.at_entry(function(c)
  local addr = c._args[2]
  local s
  if addr == 0 then s = "NULL"
  else
    local b = U.readn(c, addr, 16)
    if not b then s = U.ptr(addr)
    else
      local a, m = U.get_i64(b, 0), U.get_i64(b, 1)
      local da, dm = datestr(a, 0), datestr(m, 0)
      s = "{actime=" .. a .. (da and (" /* " .. da .. " */") or "") .. ", modtime=" .. m
        .. (dm and (" /* " .. dm .. " */") or "") .. "}"
    end
  end
  return U.arg(c, 1) .. ", " .. s
end))

local ADVICE = { [0] = "POSIX_FADV_NORMAL", "POSIX_FADV_RANDOM", "POSIX_FADV_SEQUENTIAL",
                 "POSIX_FADV_WILLNEED", "POSIX_FADV_DONTNEED", "POSIX_FADV_NOREUSE" }
U.call("fadvise64", U.at_entry(function(c)
  local adv = U.s32(c._args[4])
  local name = U.name("fadvise_advice", adv) or ADVICE[adv]
  return U.arg(c, 1) .. ", " .. U.dec(c._args[2]) .. ", " .. U.dec(c._args[3]) .. ", "
    .. (name or (U.x32(adv) .. " /* POSIX_FADV_??? */"))
end))

-- openat2's struct open_how (value: the decoded table)
local OPEN_HOW_MIN = 24
local function how_text(c, addr, size)
  if addr == 0 then return "NULL" end
  if size < OPEN_HOW_MIN then return U.ptr(addr) end
  local t = U.struct(c, addr, "open_how")
  return t and U.sfmt("open_how", t) or U.ptr(addr)
end
U.type("open_how", {
  value = function(c, raw) return U.struct(c, raw, "open_how") end,
  format = function(c, raw) return how_text(c, raw, c._args[4]) end,
  encode = function(c, v)
    if type(v) ~= "table" then return v end
    return c.proc:alloc_bytes(U.structs().encode("open_how", v))
  end,
})
U.call("openat2", U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.arg(c, 2) .. ", " .. how_text(c, c._args[3], c._args[4]) .. ", "
    .. U.udec(c._args[4])
end))

-- xattr values: the bytes (value), printed by the calls' own printers
local function len_arg(c, arg)
  if arg.param == "ret" then return c.result end
  local i = c.spec.argi[arg.param]
  return i and c._args[i] or nil
end
U.type("xattr_value_in", {
  value = function(c, raw, arg) return U.read(c, raw, len_arg(c, arg)) end,
  format = function(c, raw, arg) return U.buf(c, raw, len_arg(c, arg)) end,
  encode = function(c, v)
    if type(v) == "string" then return c.proc:alloc_bytes(v) end
    return v
  end,
})
U.type("xattr_value_out", {
  out = true,
  value = function(c, raw)
    if U.failed(c) then return nil end
    return U.read(c, raw, c.result)
  end,
  format = function(c, raw)
    if U.failed(c) then return U.ptr(raw) end
    return U.buf(c, raw, c.result)
  end,
})

return { time_pair = time_pair }
