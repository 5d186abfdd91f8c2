-- ttlua.decode.io_uring: io_uring_setup, io_uring_enter, io_uring_register.
-- io_uring_setup prints the parameters the caller gave at entry and what
-- the kernel filled in at exit, in one struct as strace does:
--   io_uring_setup(8, {flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=8,
--     cq_entries=16, features=IORING_FEAT_SINGLE_MMAP|..., sq_off={...}, cq_off={...}}) = 3
-- io_uring_register decodes buffers (iovecs), file and eventfd arrays;
-- the other opcodes print the argument's address.
local U = require "ttlua.decode.util"
local io_ = require "ttlua.decode.io"
local signal = require "ttlua.decode.signal"

local concat = table.concat

local ATTACH_WQ = 0x20

local function params(c, addr)
  return U.struct(c, addr, "io_uring_params")
end

local function offsets_sq(t)
  return "{head=" .. t.head .. ", tail=" .. t.tail .. ", ring_mask=" .. t.ring_mask
    .. ", ring_entries=" .. t.ring_entries .. ", flags=" .. t.flags .. ", dropped=" .. t.dropped
    .. ", array=" .. t.array .. (t.resv1 ~= 0 and (", resv1=" .. U.x(t.resv1)) or "")
    .. (t.user_addr ~= 0 and (", resv2=" .. U.x(t.user_addr)) or "") .. "}"
end
local function offsets_cq(t)
  return "{head=" .. t.head .. ", tail=" .. t.tail .. ", ring_mask=" .. t.ring_mask
    .. ", ring_entries=" .. t.ring_entries .. ", overflow=" .. t.overflow .. ", cqes=" .. t.cqes
    .. ", flags=" .. t.flags .. (t.resv1 ~= 0 and (", resv1=" .. U.x(t.resv1)) or "")
    .. (t.user_addr ~= 0 and (", resv2=" .. U.x(t.user_addr)) or "") .. "}"
end

U.call("io_uring_setup", {
  entry = function(c)
    local s = U.dec(U.u32(c._args[1])) .. ", "
    local p = params(c, c._args[2])
    if not p then
      c._up = false
      return s .. U.ptr(c._args[2])
    end
    c._up = true
    s = s .. "{flags=" .. U.set("io_uring_setup_flags", p.flags) .. ", sq_thread_cpu="
      .. U.x(p.sq_thread_cpu) .. ", sq_thread_idle=" .. p.sq_thread_idle
    if U.band(p.flags, ATTACH_WQ) ~= 0 then s = s .. ", wq_fd=" .. U.dec(U.s32(p.wq_fd)) end
    local r = p.resv
    if r[1] ~= 0 or r[2] ~= 0 or r[3] ~= 0 then
      s = s .. ", resv=[" .. U.x(r[1]) .. ", " .. U.x(r[2]) .. ", " .. U.x(r[3]) .. "]"
    end
    return s
  end,
  exit = function(c)
    if not c._up then return "" end
    local p = not U.failed(c) and params(c, c._args[2])
    local s = ""
    if p then
      s = ", sq_entries=" .. p.sq_entries .. ", cq_entries=" .. p.cq_entries .. ", features="
        .. U.set("io_uring_features", p.features) .. ", sq_off=" .. offsets_sq(p.sq_off)
        .. ", cq_off=" .. offsets_cq(p.cq_off)
    end
    return s .. "}"
  end,
})

U.call("io_uring_enter", U.at_entry(function(c)
  local a = c._args
  return U.arg(c, 1) .. ", " .. U.dec(U.u32(a[2])) .. ", " .. U.dec(U.u32(a[3])) .. ", "
    .. U.set("io_uring_enter_flags", U.u32(a[4])) .. ", " .. signal.sigset_text(c, a[5], a[6])
    .. ", " .. U.udec(a[6])
end))

local REG_BUFFERS, REG_FILES, REG_EVENTFD, REG_EVENTFD_ASYNC = 0, 2, 4, 7

local function int_array(c, addr, n)
  if addr == 0 then return "NULL" end
  if n == 0 then return "[]" end
  local max = U.types.opts.strsize
  local m = n > max and max or n
  local b = U.read(c, addr, 4 * m)
  if not b or #b < 4 then return U.ptr(addr) end
  local out = {}
  for i = 0, math.floor(#b / 4) - 1 do out[#out + 1] = U.dec(U.get_i32(b, i)) end
  if n > m then out[#out + 1] = "..." end
  return "[" .. concat(out, ", ") .. "]"
end

U.call("io_uring_register", U.at_entry(function(c)
  local a = c._args
  local op, arg, n = U.u32(a[2]), a[3], U.u32(a[4])
  local s = U.arg(c, 1) .. ", " .. U.enum_x("io_uring_register_op", op, "IORING_REGISTER_???") .. ", "
  if op == REG_BUFFERS then
    s = s .. io_.iov_text(c, arg, n, 0, true)
  elseif op == REG_FILES or op == REG_EVENTFD or op == REG_EVENTFD_ASYNC then
    s = s .. int_array(c, arg, n)
  else
    s = s .. U.ptr(arg)
  end
  return s .. ", " .. n
end))

return {}
