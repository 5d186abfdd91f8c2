-- ttlua.decode.io: buffers and iovec arrays.
--   iovec_in(CNT)    an array of CNT iovecs whose data is input (writev):
--                    [{iov_base="...", iov_len=5}, ...]; value: the list of
--                    { base, len, data }
--   iovec_out(CNT)   the same, filled by the kernel (readv): printed at exit,
--                    the data up to the result spread over the entries; when
--                    the call failed, the entries' addresses
-- At most -s entries are printed, then "...".
local U = require "ttlua.decode.util"

local format, concat = string.format, table.concat

-- The iovec array at addr: list of { base, len } (nil when unreadable).
local function iov_read(c, addr, cnt, limit)
  if addr == 0 or not cnt or cnt < 0 then return nil end
  local n = limit and cnt > limit and limit or cnt
  if n > 1024 then n = 1024 end
  local b = U.read(c, addr, 16 * n)
  if not b then return nil end
  local out = {}
  for i = 0, math.floor(#b / 16) - 1 do
    out[i + 1] = { base = U.get_u64(b, 2 * i), len = U.get_u64(b, 2 * i + 1) }
  end
  return out
end

-- strace's tprint_iov_upto: data_size = total bytes to show (nil: all of
-- each entry); addr_only: print the bases as addresses (a failed readv).
local function iov_text(c, addr, cnt, data_size, addr_only)
  if addr == 0 then return "NULL" end
  if cnt == 0 then return "[]" end
  local max = U.types.opts.strsize
  local iov = iov_read(c, addr, cnt, max + 1)
  if not iov or #iov == 0 then return U.ptr(addr) end
  local parts = {}
  local left = data_size
  for i, v in ipairs(iov) do
    if i > max then parts[#parts + 1] = "..."; break end
    local n = v.len
    if left then
      if n > left then n = left end
      left = left - n
    end
    local base = addr_only and U.ptr(v.base) or U.buf(c, v.base, n)
    parts[i] = format("{iov_base=%s, iov_len=%s}", base, U.udec(v.len))
  end
  if #iov < cnt and #iov <= max then
    parts[#parts + 1] = "... /* " .. U.ptr(addr + 16 * #iov) .. " */"
  end
  return "[" .. concat(parts, ", ") .. "]"
end

local function cnt_of(c, arg)
  local i = c.spec.argi[arg.param]
  return i and c._args[i] or 0
end

U.type("iovec_in", {
  value = function(c, raw, arg)
    local iov = iov_read(c, raw, cnt_of(c, arg))
    if iov then
      for _, v in ipairs(iov) do v.data = U.read(c, v.base, v.len) end
    end
    return iov
  end,
  format = function(c, raw, arg) return iov_text(c, raw, cnt_of(c, arg)) end,
  encode = function(_, v) return v end,
})

U.type("iovec_out", {
  out = true,
  value = function(c, raw, arg)
    if U.failed(c) then return nil end
    local iov = iov_read(c, raw, cnt_of(c, arg))
    local left = c.result
    if iov then
      for _, v in ipairs(iov) do
        local n = v.len < left and v.len or left
        left = left - n
        v.data = U.read(c, v.base, n)
      end
    end
    return iov
  end,
  format = function(c, raw, arg)
    if c.result == nil then return U.ptr(raw) end
    local failed = U.failed(c)
    return iov_text(c, raw, cnt_of(c, arg), failed and 0 or c.result, failed)
  end,
})

-- obuf(LEN) whose LEN is a socklen_ptr argument (getsockopt's optval):
-- the length is the int the kernel stored through that pointer
do
  local base = U.types.T.obuf
  local t = {}
  for k, v in pairs(base) do t[k] = v end
  local function socklen(c, arg)
    local i = arg.param and c.spec.argi[arg.param]
    if i and c.spec.args[i].kind == "socklen_ptr" then
      return true, c._args[i] ~= 0 and U.read_i32(c, c._args[i]) or nil
    end
    return false
  end
  t.value = function(c, raw, arg)
    local is, len = socklen(c, arg)
    if not is then return base.value(c, raw, arg) end
    if U.failed(c) or not len or len < 0 then return nil end
    return U.read(c, raw, len)
  end
  t.format = function(c, raw, arg)
    local is, len = socklen(c, arg)
    if not is then return base.format(c, raw, arg) end
    if U.failed(c) or not len then return U.ptr(raw) end
    return U.buf(c, raw, len)
  end
  U.type("obuf", t)
end

-- read-like calls: the buffer at exit, up to the result
local function outbuf(c, addr)
  if U.failed(c) then return U.ptr(addr) end
  return U.buf(c, addr, c.result)
end
-- typed: these print exactly what their arguments' types print (read's
-- buffer at exit, write's at entry), so the printer may use its faster
-- path built from the types (ttlua.printer).
local function typed(f)
  f.typed = true
  return f
end
U.call("read", typed(U.printer(
  function(c) return U.arg(c, 1) .. ", " end,
  function(c) return outbuf(c, c._args[2]) .. ", " .. U.udec(c._args[3]) end)))
U.call("pread64", typed(U.printer(
  function(c) return U.arg(c, 1) .. ", " end,
  function(c)
    return outbuf(c, c._args[2]) .. ", " .. U.udec(c._args[3]) .. ", " .. U.dec(c._args[4])
  end)))
U.call("write", typed(U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.buf(c, c._args[2], c._args[3]) .. ", " .. U.udec(c._args[3])
end)))
U.call("pwrite64", typed(U.at_entry(function(c)
  return U.arg(c, 1) .. ", " .. U.buf(c, c._args[2], c._args[3]) .. ", " .. U.udec(c._args[3])
    .. ", " .. U.dec(c._args[4])
end)))

-- vectored calls: the count as the full (unsigned) register, the offset of
-- preadv2/pwritev2 as one number (the high half is 0 on x86_64)
local function vec(write, with_off, with_flags)
  local function tail(c)
    local a = c._args
    local s = ", " .. U.udec(a[3])
    if with_off then s = s .. ", " .. U.dec(a[4]) end
    if with_flags then s = s .. ", " .. U.set("rwf_flags", U.u32(a[6])) end
    return s
  end
  if write then
    return U.at_entry(function(c)
      return U.arg(c, 1) .. ", " .. iov_text(c, c._args[2], c._args[3]) .. tail(c)
    end)
  end
  return U.printer(function(c) return U.arg(c, 1) .. ", " end, function(c)
    local failed = U.failed(c)
    return iov_text(c, c._args[2], c._args[3], failed and 0 or c.result, failed) .. tail(c)
  end)
end
U.call("readv", vec(false))
U.call("writev", vec(true))
U.call("preadv", vec(false, true))
U.call("pwritev", vec(true, true))
U.call("preadv2", vec(false, true, true))
U.call("pwritev2", vec(true, true, true))

return { iov_text = iov_text, iov_read = iov_read }
