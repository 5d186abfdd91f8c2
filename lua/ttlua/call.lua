-- ttlua.call: the typed call object a handler receives.
--   call.name, call.nr, call.tid, call.proc, call.arch
--   call.<argname>       typed value, decoded on first touch (a path is read
--                        from the tracee only when a handler or the printer
--                        asks); output arguments are nil until call:run()
--   call.args[i]         raw register values (numbers)
--   call.result          the result after call:run() (or the value given)
--   call.errno           -result when the call failed, else nil
--   call:run()           run it now; returns the result
--   call:after(fn)       run the call when the handler returns nil, then
--                        fn(call) at its exit stop (call.result is set; an
--                        integer fn returns replaces it; fn must not wait).
--                        Unlike run(), it needs no coroutine switch.
--   tostring(call)       the strace-style text
-- Assigning call.<argname> (or call.args[i]) changes what the kernel sees:
-- strings and tables are written to the tracee's scratch memory.
-- Assigning an output argument a value that is not a number (a struct's
-- fields, a string of bytes) fills the tracee's buffer instead, when the
-- handler returns: `call.statbuf = { st_size = 42 }; return 0` answers
-- fstat without the kernel (a bad buffer makes the result -EFAULT).
local types = require "ttlua.types"

local rawget, rawset = rawget, rawset

local Call = {}
local methods = {}

local yield = coroutine.yield

-- The type of argument a, looked up once.
local function type_of(a)
  local t = a.type
  if not t then
    t = types.get(a.kind)
    a.type = t
  end
  return t
end


-- Yield tokens understood by the engine.
Call.YIELD_RUN = "run"

function methods.run(self)
  if rawget(self, "result") ~= nil then
    error("call:run(): " .. self.name .. " has already run", 2)
  end
  if not rawget(self, "_co") then
    if Call.engine.direct_call == self then
      error("call:run() in a handler that runs without a coroutine (ttlua.direct);"
        .. " use call:after(fn)", 2)
    end
    error("call:run() outside the handler that received the call", 2)
  end
  self:_commit()
  return yield(Call.YIELD_RUN, self)
end

-- Run the call, then fn(call) at its exit (see the header).
function methods.after(self, fn)
  if type(fn) ~= "function" then
    error("call:after(fn): expected a function, got " .. type(fn), 2)
  end
  if rawget(self, "result") ~= nil then
    error("call:after(): " .. self.name .. " has already run", 2)
  end
  rawset(self, "_after", fn)
end

-- Raw register value i (1..6).
function methods.raw(self, i)
  return rawget(self, "_args")[i]
end

-- Apply assigned fields and arguments to the stopped tracee.
function methods._commit(self)
  local set = rawget(self, "_set")
  if not set and not rawget(self, "_dirty") then return end
  rawset(self, "_set", nil)
  local spec, args = self.spec, rawget(self, "_args")
  for name, v in pairs(set or {}) do
    local i = spec.argi[name]
    local a = spec.args[i]
    local t = type_of(a)
    local raw = v
    if t.encode then raw = t.encode(self, v, a) end
    if type(raw) ~= "number" then
      error(("cannot assign a %s to %s.%s"):format(type(v), self.name, name), 0)
    end
    args[i] = raw
    local cache = rawget(self, "_cache")
    if cache then cache[name] = nil end
    Call.engine.set_arg(self, i, raw)
  end
  local dirty = rawget(self, "_dirty")
  if dirty then
    rawset(self, "_dirty", nil)
    for i in pairs(dirty) do Call.engine.set_arg(self, i, args[i]) end
  end
end

-- Write the output arguments the handler assigned into the tracee's
-- buffers.  Returns true, or false and a message when one is not writable.
function methods._write_outputs(self)
  local fills = rawget(self, "_fills")
  if not fills then return true end
  rawset(self, "_fills", nil)
  local spec, args, proc = self.spec, rawget(self, "_args"), self.proc
  local ok, msg = true, nil
  for name, v in pairs(fills) do
    local i = spec.argi[name]
    local a = spec.args[i]
    local bytes = types.fill[a.kind](self, v, a)
    local pieces = type(bytes) == "table" and bytes or { { args[i], bytes } }
    for _, p in ipairs(pieces) do
      if #p[2] > 0 then
        local n, err = proc:write(p[1], p[2])
        if n ~= #p[2] then ok, msg = false, ("%s.%s: %s"):format(self.name, name, err or "short write") end
      end
    end
  end
  return ok, msg
end

function methods._set_raw(self, i, v)
  rawget(self, "_args")[i] = v
  local dirty = rawget(self, "_dirty") or {}
  dirty[i] = true
  rawset(self, "_dirty", dirty)
end

-- call.args: raw values; writes are applied like named assignments.
local function args_proxy(self)
  local raw = rawget(self, "_args")
  return setmetatable({}, {
    __index = raw,
    __newindex = function(_, i, v)
      if type(i) ~= "number" or i < 1 or i > 6 or type(v) ~= "number" then
        error("call.args[i] = v needs i in 1..6 and a number", 2)
      end
      methods._set_raw(self, i, v)
    end,
    __len = function() return #raw end,
  })
end

Call.__index = function(self, k)
  local spec = rawget(self, "spec")
  local i = spec.argi[k]
  -- an argument named like a method (fcntl's and semctl's "arg") wins
  local m = not i and methods[k]
  if m then return m end
  if i then
    local set = rawget(self, "_set")
    if set then
      local v = set[k]
      if v ~= nil then return v end
    end
    local fills = rawget(self, "_fills")
    if fills then
      local v = fills[k]
      if v ~= nil then return v end
    end
    local a = spec.args[i]
    local t = type_of(a)
    -- a plain number costs less to recompute than to cache
    if t.pure then return t.value(self, self[i], a) end
    local cache = rawget(self, "_cache")
    if cache then
      local v = cache[k]
      if v ~= nil then return v end
    end
    local v = t.value(self, self[i], a)
    -- outputs change when the call runs: cache only final values
    if v ~= nil and (not t.out or rawget(self, "result") ~= nil) and not t.both then
      if not cache then
        cache = {}
        rawset(self, "_cache", cache)
      end
      cache[k] = v
    end
    return v
  end
  if k == "nr" then
    return spec.nr
  elseif k == "args" then
    local p = args_proxy(self)
    rawset(self, "args", p)
    return p
  elseif k == "errno" then
    local r = rawget(self, "result")
    if r and r < 0 and r > -4096 then return -r end
    return nil
  elseif k == "name" then
    return spec.name
  elseif k == "classes" then
    return spec.classes
  elseif k == "_engine" then
    return Call.engine
  end
  return nil
end

Call.__newindex = function(self, k, v)
  local spec = rawget(self, "spec")
  local i = spec.argi[k]
  if i and types.fill[spec.args[i].kind]
    and (type(v) ~= "number" or types.fill_takes_number(spec.args[i])) then
    local fills = rawget(self, "_fills") or {}
    fills[k] = v
    rawset(self, "_fills", fills)
    return
  end
  if i then
    local set = rawget(self, "_set") or {}
    set[k] = v
    rawset(self, "_set", set)
    return
  end
  if k == "result" or (type(k) == "string" and k:byte(1) == 95) then -- "_": internal
    rawset(self, k, v)
    return
  end
  error(("%s has no argument %q (its arguments: %s)"):format(
    spec.name, tostring(k), Call.arg_names(spec)), 2)
end

function Call.arg_names(spec)
  local names = {}
  for i, a in ipairs(spec.args) do names[i] = a.name end
  return #names > 0 and table.concat(names, ", ") or "none"
end

Call.__tostring = function(self)
  local P = require "ttlua.printer"
  local buf = {}
  local p = P.new({ write = function(s) buf[#buf + 1] = s end, pid_mode = "never" })
  p:entry(self)
  if rawget(self, "result") ~= nil then
    p:exit(self)
    buf[#buf] = buf[#buf]:gsub("\n$", "")
  else
    buf[#buf + 1] = ")"
    -- entry text ends with ", " when output arguments follow
    local s = table.concat(buf)
    return (s:gsub(", %)$", ")"))
  end
  return table.concat(buf)
end

-- A new call: engine, thread's process, spec, raw args (a table of 6
-- numbers, or nil with the six values after arch).  One table per call:
-- the raw values are its own array part (call._args is the call itself),
-- and few enough fields that result and _after fit without a resize.
function Call.new(engine, proc, tid, spec, args, arch, a1, a2, a3, a4, a5, a6)
  Call.engine = engine
  if args then a1, a2, a3, a4, a5, a6 = args[1], args[2], args[3], args[4], args[5], args[6] end
  local call = setmetatable({
    a1, a2, a3, a4, a5, a6, spec = spec, proc = proc, tid = tid, arch = arch, _args = false,
  }, Call)
  call._args = call
  return call
end

Call.methods = methods
return Call
