-- ttlua.decode.bpf: bpf(2).
--   bpf_cmd         the command (BPF_MAP_CREATE, ...); value: the number
--   bpf_attr(SIZE)  union bpf_attr of SIZE bytes; value: the raw bytes
-- The attribute union is printed for the map commands (create, lookup,
-- update, delete, next key, freeze), BPF_OBJ_PIN/GET and the *_GET_FD_BY_ID
-- commands, only the fields that fit in SIZE, as strace does; for the
-- other commands (BPF_PROG_LOAD, links, batches, ...) its address.
local U = require "ttlua.decode.util"

local concat = table.concat

local function u32(b, off) return U.get_u32(b:sub(off + 1, off + 4) .. "\0\0\0\0") end
local function u64(b, off) return U.get_u64(b:sub(off + 1, off + 8) .. ("\0"):rep(8)) end
local function i32(b, off) return U.get_i32(b:sub(off + 1, off + 4) .. "\0\0\0\0") end

-- field list printer: fields = { {offset, name, printer(b, off)} ... };
-- a field is printed when the attr size goes past its offset
local function fields(b, len, list)
  local out = {}
  for _, f in ipairs(list) do
    if len <= f[1] then break end
    out[#out + 1] = f[2] .. "=" .. f[3](b, f[1])
  end
  return "{" .. concat(out, ", ") .. "}"
end

local function fU(b, off) return U.dec(u32(b, off)) end
local function fFD(b, off) return U.dec(i32(b, off)) end
local function fADDR(b, off) return U.ptr(u64(b, off)) end
local function fU64(b, off) return U.udec(u64(b, off)) end
local function fset(set, unknown, enum)
  return function(b, off)
    if enum then return U.enum_x(set, u32(b, off), unknown) end
    return U.set(set, u32(b, off))
  end
end

local MAP_CREATE, LOOKUP, UPDATE, DELETE, NEXT_KEY, PROG_LOAD, OBJ_PIN, OBJ_GET =
  0, 1, 2, 3, 4, 5, 6, 7
local PROG_GET_FD_BY_ID, MAP_GET_FD_BY_ID, LOOKUP_AND_DELETE, MAP_FREEZE = 13, 14, 21, 22
local _ = PROG_LOAD

local D = {}
D[MAP_CREATE] = function(_, b, len)
  local list = {
    { 0, "map_type", fset("bpf_map_types", "BPF_MAP_TYPE_???", true) },
    { 4, "key_size", fU }, { 8, "value_size", fU }, { 12, "max_entries", fU },
    { 16, "map_flags", fset("bpf_map_flags", "BPF_F_???") },
    { 20, "inner_map_fd", fFD },
  }
  local s = fields(b, len, list)
  if len <= 24 then return s end
  s = s:sub(1, -2)
  local flags = u32(b, 16)
  if U.band(flags, 4) ~= 0 then -- BPF_F_NUMA_NODE
    s = s .. ", numa_node=" .. U.dec(u32(b, 24))
  end
  if len > 28 then
    local n = len - 28 < 16 and len - 28 or 16
    local name = b:sub(29, 28 + n):match("^[^%z]*")
    s = s .. ", map_name=" .. U.quote.quote(name)
  end
  if len > 44 then s = s .. ", map_ifindex=" .. U.dec(u32(b, 44)) end
  if len > 48 then
    s = s .. ", btf_fd=" .. fFD(b, 48) .. ", btf_key_type_id=" .. fU(b, 52)
      .. ", btf_value_type_id=" .. fU(b, 56)
  end
  if len > 60 then s = s .. ", btf_vmlinux_value_type_id=" .. fU(b, 60) end
  if len > 64 then s = s .. ", map_extra=" .. fU64(b, 64) end
  return s .. "}"
end
D[LOOKUP] = function(_, b, len)
  return fields(b, len, { { 0, "map_fd", fFD }, { 8, "key", fADDR }, { 16, "value", fADDR },
    { 24, "flags", fset("bpf_map_lookup_elem_flags", "BPF_???") } })
end
D[LOOKUP_AND_DELETE] = D[LOOKUP]
D[UPDATE] = function(_, b, len)
  return fields(b, len, { { 0, "map_fd", fFD }, { 8, "key", fADDR }, { 16, "value", fADDR },
    { 24, "flags", fset("bpf_map_update_elem_flags", "BPF_???", true) } })
end
D[DELETE] = function(_, b, len)
  return fields(b, len, { { 0, "map_fd", fFD }, { 8, "key", fADDR } })
end
D[NEXT_KEY] = function(_, b, len)
  return fields(b, len, { { 0, "map_fd", fFD }, { 8, "key", fADDR }, { 16, "next_key", fADDR } })
end
D[MAP_FREEZE] = function(_, b, len)
  return fields(b, len, { { 0, "map_fd", fFD } })
end
D[OBJ_PIN] = function(c, b, len)
  local s = "{pathname=" .. U.as("path", c, u64(b, 0))
  if len > 8 then s = s .. ", bpf_fd=" .. fFD(b, 8) end
  if len > 12 then s = s .. ", file_flags=" .. U.set("bpf_file_mode_flags", u32(b, 12)) end
  return s .. "}"
end
D[OBJ_GET] = D[OBJ_PIN]
D[PROG_GET_FD_BY_ID] = function(_, b, len)
  return fields(b, len, { { 0, "prog_id", fU }, { 4, "next_id", fU },
    { 8, "open_flags", fset("bpf_file_mode_flags", "BPF_F_???") } })
end
D[MAP_GET_FD_BY_ID] = function(_, b, len)
  return fields(b, len, { { 0, "map_id", fU }, { 4, "next_id", fU },
    { 8, "open_flags", fset("bpf_file_mode_flags", "BPF_F_???") } })
end

local function attr_text(c, addr, size, cmd)
  local d = D[cmd]
  if size == 0 or size > 4096 or not d then return U.ptr(addr) end
  local b = U.readn(c, addr, size)
  if not b then return U.ptr(addr) end
  local ok, s = pcall(d, c, b, size)
  return ok and s or U.ptr(addr)
end

U.type("bpf_cmd", {
  value = function(_, raw) return U.u32(raw) end,
  format = function(_, raw) return U.enum_x("bpf_cmd", U.u32(raw), "BPF_???") end,
  encode = function(_, v) return v end,
})
U.type("bpf_attr", {
  value = function(c, raw)
    local size = U.u32(c._args[3])
    if size == 0 or size > 4096 then return nil end
    return U.readn(c, raw, size)
  end,
  format = function(c, raw) return attr_text(c, raw, U.u32(c._args[3]), U.u32(c._args[1])) end,
  encode = function(c, v)
    if type(v) == "string" then return c.proc:alloc_bytes(v) end
    return v
  end,
})

U.call("bpf", U.at_entry(function(c)
  local cmd, size = U.u32(c._args[1]), U.u32(c._args[3])
  return U.enum_x("bpf_cmd", cmd, "BPF_???") .. ", " .. attr_text(c, c._args[2], size, cmd) .. ", "
    .. U.dec(size)
end))

return {}
