-- ttlua.decode.seccomp: seccomp(2) and the struct sock_fprog it (and
-- prctl(PR_SET_SECCOMP)) takes.
--   seccomp_op   SECCOMP_SET_MODE_FILTER, ...; value: the number
-- A filter program prints as strace does without -v: {len=N, filter=0x...}.
local U = require "ttlua.decode.util"

local SET_MODE_FILTER, GET_ACTION_AVAIL, GET_NOTIF_SIZES = 1, 2, 3

local function fprog_text(c, addr)
  if addr == 0 then return "NULL" end
  local b = U.readn(c, addr, 16)
  if not b then return U.ptr(addr) end
  local len = U.get_u32(b, 0) % 65536
  return "{len=" .. len .. ", filter=" .. U.ptr(U.get_u64(b, 1)) .. "}"
end

U.type("seccomp_op", {
  value = function(_, raw) return U.u32(raw) end,
  format = function(_, raw) return U.enum_x("seccomp_op", U.u32(raw), "SECCOMP_SET_MODE_???") end,
  encode = function(_, v) return v end,
})

U.call("seccomp", {
  entry = function(c)
    local a = c._args
    local op, flags = U.u32(a[1]), U.u32(a[2])
    local s = U.enum_x("seccomp_op", op, "SECCOMP_SET_MODE_???") .. ", "
    if op == GET_ACTION_AVAIL then
      local act = U.read_u32(c, a[3])
      return s .. U.x(flags) .. ", "
        .. (a[3] == 0 and "NULL" or act and ("[" .. U.enum_x("seccomp_ret_action", act,
          "SECCOMP_RET_???") .. "]") or U.ptr(a[3]))
    elseif op == GET_NOTIF_SIZES then
      return s .. U.x(flags) .. ", "
    elseif op == SET_MODE_FILTER then
      return s .. U.set("seccomp_flags", flags) .. ", " .. fprog_text(c, a[3])
    end
    return s .. U.x(flags) .. ", " .. U.ptr(a[3])
  end,
  exit = function(c)
    local a = c._args
    if U.u32(a[1]) ~= GET_NOTIF_SIZES then return "" end
    if a[3] == 0 then return "NULL" end
    local b = not U.failed(c) and U.readn(c, a[3], 6)
    if not b then return U.ptr(a[3]) end
    return string.format("{seccomp_notif=%d, seccomp_notif_resp=%d, seccomp_data=%d}",
      b:byte(1) + 256 * b:byte(2), b:byte(3) + 256 * b:byte(4), b:byte(5) + 256 * b:byte(6))
  end,
})

return { fprog_text = fprog_text }
