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

return { time_pair = time_pair }
