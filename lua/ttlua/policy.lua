-- ttlua.policy: loading a policy and checking it before anything runs.
-- A policy file returns a table of handlers keyed by syscall name (or
-- defines them as globals, like an -E chunk).  Keys must be syscall names,
-- `default`, or lifecycle hooks; values must be functions.
local M = {}

M.hooks = {
  on_start = true, on_fork = true, on_exec = true, on_exit = true,
  on_signal = true, on_stop = true, on_finish = true,
}

-- Closest known name, for "did you mean" hints.
local function distance(a, b)
  local la, lb = #a, #b
  local prev = {}
  for j = 0, lb do prev[j] = j end
  for i = 1, la do
    local cur = { [0] = i }
    for j = 1, lb do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[lb]
end

local function suggest(name, known)
  local best, bestd
  for k in pairs(known) do
    local d = distance(name, k)
    if not bestd or d < bestd then best, bestd = k, d end
  end
  if best and bestd <= math.max(2, math.floor(#name / 3)) then
    return (" (did you mean %s?)"):format(best)
  end
  return ""
end
M.suggest = suggest

-- The environment a policy chunk runs in: globals fall through to _G;
-- ttlua, E and C are predefined for short inline policies.
local function policy_env()
  local ttlua = require "ttlua"
  local env = { ttlua = ttlua }
  return setmetatable(env, {
    __index = function(_, k)
      -- loaded on use: a policy that needs neither starts faster
      if k == "E" then return ttlua.errno end
      if k == "C" then return ttlua.const end -- every constant set
      return _G[k]
    end,
  })
end

-- Validate a handler table against the syscall table `sys` (by_name).
function M.check(handlers, sys, where)
  local known = {}
  for name in pairs(sys.by_name) do known[name] = true end
  known.default = true
  for h in pairs(M.hooks) do known[h] = true end
  for k, v in pairs(handlers) do
    if type(k) ~= "string" then
      return nil, ("%s: the policy table has a %s key; keys are syscall names"):format(
        where, type(k))
    end
    if not known[k] then
      return nil, ("%s: unknown syscall %q in the policy%s"):format(where, k, suggest(k, known))
    end
    if type(v) ~= "function" then
      return nil, ("%s: handler %q is a %s, expected a function"):format(where, k, type(v))
    end
  end
  return handlers
end

-- Collect the functions a chunk defined as globals.
local function globals_of(env)
  local h = {}
  for k, v in pairs(env) do
    if type(v) == "function" and k ~= "ttlua" then h[k] = v end
  end
  return h
end

-- Run a loaded chunk: its return value, or nil and a one-line error.
local function run_chunk(chunk, name)
  local ok, ret = xpcall(chunk, debug.traceback)
  if ok then return true, ret end
  if type(ret) == "string" then return nil, (ret:gsub("\n.*", "")) end
  -- error({}) and the like: no message, no position
  return nil, ("%s: the policy raised a %s value instead of an error message"):format(
    name, type(ret))
end

-- The handlers a chunk returned (a table) or defined as globals (it
-- returned nil); the third result says which.  name: for messages.
local function handlers_of(ret, env, name)
  if type(ret) == "table" then return ret end
  if ret == nil then return globals_of(env), nil, true end
  return nil, ("%s: a policy must return a table of handlers or nothing, not a %s"):format(
    name, type(ret))
end

-- Load a policy from a file.  Returns handlers or nil, one-line error;
-- a third result true when the handlers are the chunk's globals.
function M.load_file(path, sys)
  local f = io.open(path, "r")
  if not f then
    local _, err = io.open(path, "r")
    return nil, ("cannot open policy %s: %s"):format(path, (err or ""):gsub("^[^:]*: ", ""))
  end
  f:close()
  local env = policy_env()
  local chunk, err = loadfile(path)
  if not chunk then return nil, err end
  setfenv(chunk, env)
  local ok, ret = run_chunk(chunk, path)
  if not ok then return nil, ret end
  local handlers, herr, globals = handlers_of(ret, env, path)
  if not handlers then return nil, herr end
  local checked, cerr = M.check(handlers, sys, path)
  return checked, cerr, globals
end

-- Load an inline -E chunk: handlers are its global functions.
function M.load_chunk(src, sys)
  local env = policy_env()
  local chunk, err = loadstring(src, "=(eval)")
  if not chunk then return nil, err end
  setfenv(chunk, env)
  local ok, ret = run_chunk(chunk, "(eval)")
  if not ok then return nil, ret end
  local handlers, herr, globals = handlers_of(ret, env, "(eval)")
  if not handlers then return nil, herr end
  local checked, cerr = M.check(handlers, sys, "(eval)")
  return checked, cerr, globals
end

-- Wrappers (e.g. ttlua.inject's) map to the handler they wrap, so errors
-- name the policy's own file:line; or to a "file:line" string (where a
-- rule with no handler of its own was made).
M.origin = setmetatable({}, { __mode = "k" })

-- "file:line" where a function was defined.
function M.where(fn)
  local o = M.origin[fn]
  if type(o) == "string" then return o end
  fn = o or fn
  local info = debug.getinfo(fn, "S")
  if not info then return "?" end
  return ("%s:%d"):format(info.short_src, info.linedefined)
end

return M
