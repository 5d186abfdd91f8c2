-- ttlua: the module a policy requires.
--   ttlua.errno        errno numbers by name (E.ENOENT == 2), .name[n], .message[n]
--   ttlua.const        every named constant (ttlua.const.O_CREAT, .AF_INET, ...)
--   ttlua.log          the strace-style printer passthru uses (:entry, :exit, :line)
--   ttlua.print(...)   write a line of text to ttlua's log
--   ttlua.syscalls     the typed syscall table (by_name, by_nr)
--   ttlua.options      the command-line options ttlua was started with
--   ttlua.direct(fn)   declare that handler fn never waits (no call:run(),
--                      proc:syscall() or ttlua.sleep()): it then runs without
--                      a coroutine switch, which is cheaper.  Returns fn.  A
--                      handler that makes no function call at all is run so
--                      without being declared.  Such a handler can still see
--                      the result: call:after(f) runs f(call) at the exit stop.
--   ttlua.args         the policy's settings: --arg KEY=VALUE gives
--                      ttlua.args.KEY == "VALUE" (the last one of a KEY wins;
--                      ttlua.arglist.KEY lists them all, in order)
--   ttlua.vfd(obj)     a virtual file descriptor (lua/ttlua/vfd.lua); a policy
--                      that returns them must load ttlua.vfd when it loads
--   ttlua.sleep(s)     keep the calling thread stopped for s seconds
--   ttlua.rule{...}    a static rule, compiled into the seccomp filter when it
--                      can be (zero stops): see lua/ttlua/rules.lua
--   ttlua.version
local M = {}

M.version = "0.1.0"

-- Handlers declared with ttlua.direct (weak keys: the engine reads it once).
M._direct = setmetatable({}, { __mode = "k" })
function M.direct(fn)
  if type(fn) ~= "function" then
    error("ttlua.direct: expected a function, got " .. type(fn), 2)
  end
  M._direct[fn] = true
  return fn
end

local lazy = {
  errno = function() return require "ttlua.errno" end,
  const = function() return require("ttlua.xlat").const end,
  syscalls = function() return require("ttlua.syscalls").arch("x86_64") end,
  vfd = function() return require "ttlua.vfd" end,
  rule = function() return require("ttlua.rules").declare end,
  args = function(t)
    local args = {}
    local o = rawget(t, "options")
    for _, kv in ipairs(o and o.args or {}) do
      local k, v = kv:match("^([^=]+)=(.*)$")
      args[k] = v
    end
    return args
  end,
  arglist = function(t)
    local lists = {}
    local o = rawget(t, "options")
    for _, kv in ipairs(o and o.args or {}) do
      local k, v = kv:match("^([^=]+)=(.*)$")
      lists[k] = lists[k] or {}
      table.insert(lists[k], v)
    end
    return setmetatable(lists, { __index = function() return {} end })
  end,
}

setmetatable(M, {
  __index = function(t, k)
    local f = lazy[k]
    if not f then return nil end
    local v = f(t)
    rawset(t, k, v)
    return v
  end,
})

-- Write text (one line per call) to ttlua's log.
function M.print(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring(select(i, ...)) end
  local log = rawget(M, "log")
  local text = table.concat(parts, "\t")
  if log then
    log:line(nil, text)
  else
    io.stderr:write(text, "\n")
  end
end

return M
