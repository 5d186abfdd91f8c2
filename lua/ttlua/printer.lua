-- ttlua.printer: strace-style log lines.
-- A call is printed in two halves: at entry, its name and the arguments
-- known then; at exit, the output arguments and " = result".  When another
-- thread prints in between, the first half ends with " <unfinished ...>"
-- and the second starts with "<... NAME resumed>", as strace does.
-- Column 40 alignment counts the whole line, pid prefix included.
--
-- Speed: this runs for every call passthru logs, so a line is built in one
-- reused string.buffer and handed to the C log buffer by pointer (no Lua
-- string is made for it), and each syscall's argument list is printed by a
-- function generated once from its table row (straight-line code that
-- LuaJIT compiles, no loop over the arguments).
local ffi = require "ffi"
local buffer = require "string.buffer"
local core = require "ttlua.core"
local types = require "ttlua.types"

local C = ffi.C
local rawget, rawset, pcall = rawget, rawset, pcall

local P = {}
P.__index = P

local line = buffer.new(1024) -- the text being built (one at a time)

-- opts.write(text) writes to the log (default: the core's log buffer);
-- opts.pid_mode: "auto" ([pid N] when several tracees), "always" (PID
-- column, like strace -f -o FILE), or "never".
function P.new(opts)
  opts = opts or {}
  return setmetatable({
    write = opts.write,  -- nil: straight into the core's log
    pid_mode = opts.pid_mode or "auto",
    ntracees = 0,
    open = nil,     -- the call whose first half ends the log right now
    col = 0,        -- length of the current line so far
  }, P)
end

-- Hand the buffer's text to the log and empty the buffer.
local function emit(self, b)
  local w = self.write
  if w then
    w(b:tostring())
  else
    local p, n = b:ref()
    C.ttl_log(ffi.cast("const char *", p), n)
  end
  b:reset()
end

local function put_prefix(self, b, tid)
  if not tid then return end
  local mode = self.pid_mode
  if mode == "always" then
    b:putf("%-5d ", tid)
  elseif mode == "auto" and self.ntracees > 1 then
    b:putf("[pid %5d] ", tid)
  end
end

function P:prefix(tid)
  put_prefix(self, line, tid)
  local s = line:tostring()
  line:reset()
  return s
end

-- End a half-printed line of another call before printing anything else.
function P:interrupt()
  local c = self.open
  if c then
    if self.write then self.write(" <unfinished ...>\n") else core.log(" <unfinished ...>\n") end
    rawset(c, "_unfinished", true)
    self.open = nil
    self.col = 0
  end
end

-- An argument whose type has no put(): its format(), guarded.
local function put_formatted(b, t, call, raw, a)
  local ok, s = pcall(t.format, call, raw, a)
  b:put(ok and type(s) == "string" and s or types.hex(raw))
end

-- Index of the first argument printed at exit (nargs + 1 if none).
local function split_point(spec)
  local sp = spec.nargs + 1
  for i, a in ipairs(spec.args) do
    local t = types.get(a.kind)
    if t.out or t.both then
      sp = i
      break
    end
  end
  return sp
end

-- Generate fmt.entry(b, call, args) and fmt.exit(b, call, args) for a spec:
-- entry prints the arguments before the split (with ", " after them when
-- more follow at exit), exit prints the rest and ")".
local function compile(spec)
  local sp = split_point(spec)
  local n = spec.nargs
  local T, A = {}, {}
  local function part(from, to, src)
    for i = from, to do
      local a = spec.args[i]
      local t = types.get(a.kind)
      T[i], A[i] = t, a
      if i > from then src[#src + 1] = '  b:put(", ")' end
      if t.put then
        src[#src + 1] = ("  T[%d].put(b, call, args[%d], A[%d])"):format(i, i, i)
      else
        src[#src + 1] = ("  put_formatted(b, T[%d], call, args[%d], A[%d])"):format(i, i, i)
      end
    end
  end
  local src = { "local T, A, put_formatted = ...", "local fmt = {}",
    "function fmt.entry(b, call, args)" }
  part(1, sp - 1, src)
  if sp <= n and sp > 1 then src[#src + 1] = '  b:put(", ")' end
  src[#src + 1] = "end"
  src[#src + 1] = "function fmt.exit(b, call, args)"
  part(sp, n, src)
  src[#src + 1] = '  b:put(")")'
  src[#src + 1] = "end"
  src[#src + 1] = "return fmt"
  local chunk = assert(loadstring(table.concat(src, "\n"), "=printer:" .. spec.name))
  local fmt = chunk(T, A, put_formatted)
  fmt.split = sp
  rawset(spec, "_fmt", fmt)
  return fmt
end

local function formatter(spec)
  return spec._fmt or compile(spec) -- other ABIs' rows inherit x86_64's
end
P.formatter = formatter

function P:entry(call)
  if self.open then self:interrupt() end
  local spec = rawget(call, "spec")
  local b = line
  put_prefix(self, b, rawget(call, "tid"))
  b:put(spec.name, "(")
  formatter(spec).entry(b, call, rawget(call, "_args"))
  self.col = #b
  emit(self, b)
  self.open = call
end

-- Spaces up to column 40, then "= "; past it, " = ".
local pads = {}
for col = 0, 40 do pads[col] = string.rep(" ", 40 - col) .. "= " end

-- The second half: output arguments and the result (nil result: "= ?").
function P:exit(call)
  local spec = rawget(call, "spec")
  local b = line
  local col = 0
  if self.open == call and not rawget(call, "_unfinished") then
    col = self.col
  else
    self:interrupt()
    put_prefix(self, b, rawget(call, "tid"))
    b:put("<... ", spec.name, " resumed>")
  end
  formatter(spec).exit(b, call, rawget(call, "_args"))
  col = col + #b
  b:put(col < 40 and pads[col] or " = ")
  local result = rawget(call, "result")
  if result == nil then
    b:put("?")
  else
    types.put_result(b, spec.ret, result)
  end
  local note = rawget(call, "_note")
  if note then b:put(" ", note) end
  b:put("\n")
  emit(self, b)
  self.open = nil
  self.col = 0
end

-- A whole call at once (a handler that never ran it, or no exit stop).
function P:call(call)
  self:entry(call)
  self:exit(call)
end

-- A line of its own: signals, exits ("--- SIGCHLD {...} ---", "+++ ...").
function P:line(tid, text)
  self:interrupt()
  local b = line
  put_prefix(self, b, tid)
  b:put(text, "\n")
  emit(self, b)
end

return P
