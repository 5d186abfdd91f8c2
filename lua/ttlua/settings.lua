-- ttlua.settings: checking a policy's settings (--arg KEY=VALUE or
-- environment variables), so that a typo or a bad value stops ttlua with
-- one line ("ttlua: NAME: ...", status 1) before the command starts.
--
--   local settings = require "ttlua.settings"
--   local S = settings.new("faketime")
--   S:args({ "at", "offset", "speed", "frozen" })   -- unknown --arg keys: error
--   S:env("CHAOS_", { "SEED", "PROB" })             -- unknown CHAOS_* variables: error
--   local speed = S:number("speed", ttlua.args.speed, { gt = 0 })
--   S:fail("at=%s is not a date", v)
local ffi = require "ffi"

pcall(ffi.cdef, "extern char **environ;")

local M = {}
local S = {}
S.__index = S

function M.new(name)
  return setmetatable({ name = name }, S)
end

-- Stop with "NAME: message".
function S:fail(fmt, ...)
  error(self.name .. ": " .. fmt:format(...), 0)
end

local function list(keys)
  local t = {}
  for _, k in ipairs(keys) do t[k] = true end
  return t
end

-- Every --arg key must be one of keys.
function S:args(keys)
  local ttlua = require "ttlua"
  local known = list(keys)
  local o = rawget(ttlua, "options")
  for _, kv in ipairs(o and o.args or {}) do
    local k = kv:match("^([^=]+)=")
    if not k then self:fail("--arg %s: expected KEY=VALUE", kv) end
    if not known[k] then
      self:fail("unknown setting %s (known: %s)", k, table.concat(keys, ", "))
    end
  end
end

-- Every environment variable named prefix.. must be prefix..one of keys.
function S:env(prefix, keys)
  local known = list(keys)
  local env = ffi.C.environ
  local i = 0
  while env ~= nil and env[i] ~= nil do
    local name = ffi.string(env[i]):match("^([^=]*)=")
    if name and name:sub(1, #prefix) == prefix and not known[name:sub(#prefix + 1)] then
      local full = {}
      for j, k in ipairs(keys) do full[j] = prefix .. k end
      self:fail("unknown variable %s (known: %s)", name, table.concat(full, ", "))
    end
    i = i + 1
  end
end

-- A number setting (nil when v is nil).  opts: min, max, gt (exclusive
-- lower bound), integer.
function S:number(key, v, opts)
  if v == nil then return nil end
  opts = opts or {}
  local n = tonumber(v)
  local what
  if opts.integer then what = "an integer" else what = "a number" end
  local ok = n ~= nil and n == n and (not opts.integer or n % 1 == 0)
    and (opts.min == nil or n >= opts.min) and (opts.max == nil or n <= opts.max)
    and (opts.gt == nil or n > opts.gt)
  if not ok then
    local range = ""
    if opts.min and opts.max then range = (" in %s..%s"):format(opts.min, opts.max)
    elseif opts.min then range = (" >= %s"):format(opts.min)
    elseif opts.gt then range = (" > %s"):format(opts.gt)
    elseif opts.max then range = (" <= %s"):format(opts.max) end
    self:fail("%s=%s: expected %s%s", key, tostring(v), what, range)
  end
  return n
end

-- A 0/1 flag (false when v is nil).
function S:flag(key, v)
  if v == nil then return false end
  if v ~= "0" and v ~= "1" then self:fail("%s=%s: expected 0 or 1", key, v) end
  return v == "1"
end

-- An errno name (the name, checked).
function S:errno(key, v)
  if v == nil then return nil end
  local E = require("ttlua").errno
  if type(E[v]) ~= "number" then self:fail("%s=%s: not an errno name (EIO, ENOSPC, ...)", key, v) end
  return v
end

-- A delay ("50ms", "1s", a bare number of microseconds) in seconds.
function S:delay(key, v)
  if v == nil then return nil end
  local d = require("ttlua.inject").parse_delay(v)
  if not d then self:fail("%s=%s: expected a delay (a number with s, ms, us or ns)", key, v) end
  return d
end

return M
