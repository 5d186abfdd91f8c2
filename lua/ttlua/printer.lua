-- ttlua.printer: strace-style log lines.
-- A call is printed in two halves: at entry, its name and the arguments
-- known then; at exit, the output arguments and " = result".  When another
-- thread prints in between, the first half ends with " <unfinished ...>"
-- and the second starts with "<... NAME resumed>", as strace does.
-- Column 40 alignment counts the whole line, pid prefix included.
--
-- Speed: this runs for every call passthru logs.  For a syscall whose
-- arguments all have a put() (the common scalar, buffer and path types)
-- the line is built in one reused string.buffer and handed to the C log
-- buffer by pointer (no Lua string is made for it), by functions generated
-- once from the syscall's table row (straight-line code that LuaJIT
-- compiles, no loop over the arguments).  Other calls (structs, decoder
-- families, restart_syscall) take the general path below.
local ffi = require "ffi"
local buffer = require "string.buffer"
local core = require "ttlua.core"
local types = require "ttlua.types"

local format, rep = string.format, string.rep
local C = ffi.C
local rawget = rawget

local line = buffer.new(1024) -- the text being built (one at a time)

local P = {}
P.__index = P

-- opts.write(text) writes to the log (default: the core's log buffer);
-- opts.pid_mode: "auto" ([pid N] when several tracees), "always" (PID
-- column, like strace -f -o FILE), or "never";
-- opts.ts: a ttlua.stamp (-t, -tt, -ttt, -r, -T) or nil.
function P.new(opts)
  opts = opts or {}
  return setmetatable({
    write = opts.write or core.log,
    pid_mode = opts.pid_mode or "auto",
    ts = opts.ts,
    ntracees = 0,
    open = nil,     -- the call whose first half ends the log right now
    col = 0,        -- length of the current line so far
    interrupted = {}, -- tid -> name of its call the kernel will resume
  }, P)
end

-- Text to the log.
local function out(self, text)
  self.write(text)
end

-- The buffer's text to the log (the core's log buffer by pointer, when
-- that is where it goes); the buffer is emptied.
local core_log = core.log
local function emit(self, b)
  local w = self.write
  if w == core_log then
    local p, n = b:ref()
    C.ttl_log(ffi.cast("const char *", p), n)
  else
    w(b:tostring())
  end
  b:reset()
end

-- The pid prefix, then the timestamp (strace's order); now: the stop's
-- monotonic reading when the caller took one (ttlua.stamp).
local function put_prefix(self, b, tid, now)
  if tid then
    local mode = self.pid_mode
    if mode == "always" then
      b:putf("%-5d ", tid)
    elseif mode == "auto" and self.ntracees > 1 then
      b:putf("[pid %5d] ", tid)
    end
  end
  local ts = self.ts
  if ts and ts.leads then b:put(ts:text(now)) end
end

function P:prefix(tid, now)
  local p = ""
  if tid and self.pid_mode == "always" then
    p = format("%-5d ", tid)
  elseif tid and self.pid_mode == "auto" and self.ntracees > 1 then
    p = format("[pid %5d] ", tid)
  end
  local ts = self.ts
  if ts and ts.leads then p = p .. ts:text(now) end
  return p
end

-- A monotonic reading for this stop when -r or -T needs one; at an entry,
-- -T's start is kept in the call.
local function stop_time(self, call, entry)
  local ts = self.ts
  if not ts or not ts.need_mono then return nil end
  local now = ts:mono()
  if entry and ts.syscall then rawset(call, "_t0", now) end
  return now
end

-- -T's " <0.000123>" for a call that returned (none after "= ?").
local function duration(self, call, now)
  local ts = self.ts
  if not ts or not ts.syscall or rawget(call, "result") == nil then return nil end
  local t0 = rawget(call, "_t0")
  if not t0 then return nil end
  return ts:duration(t0, now)
end

-- End a half-printed line of another call before printing anything else.
function P:interrupt()
  local c = self.open
  if c then
    out(self, " <unfinished ...>\n")
    c._unfinished = true
    self.open = nil
    self.col = 0
  end
end

-- The arguments of a call, split where the first output argument starts.
-- A type's format may return nil: that argument is not printed (strace
-- leaves out arguments a command does not use).
local function format_args(call, from, to)
  local spec, args = call.spec, call._args
  local parts = {}
  for i = from, to do
    local a = spec.args[i]
    local t = types.get(a.kind)
    local ok, s = pcall(t.format, call, args[i], a)
    if not ok then s = types.hex(args[i]) end
    if s then parts[#parts + 1] = s end
  end
  return table.concat(parts, ", ")
end

-- A syscall whose line a decoder family prints itself (types.call_format):
-- { entry = f(call) -> text after "name(", exit = f(call) -> text before ")",
--   result = f(call) -> text after "= " or nil }.
local function call_format(spec)
  local cf = spec._cf
  if cf == nil then
    cf = types.call_format(spec) or false
    spec._cf = cf
  end
  return cf
end

-- Output arguments whose type prints what changed (socklen [16 => 16])
-- remember their entry value in call._saved[i].
local function save_entry(call, spec, from)
  for i = from, spec.nargs do
    local a = spec.args[i]
    local t = types.get(a.kind)
    if t.save then
      local saved = call._saved or {}
      call._saved = saved
      local ok, v = pcall(t.save, call, call._args[i], a)
      if ok then saved[i] = v end
    end
  end
end

-- Index of the first argument printed at exit (nargs + 1 if none).
local function split_point(spec)
  local sp = spec._split
  if sp then return sp end
  sp = spec.nargs + 1
  for i, a in ipairs(spec.args) do
    local t = types.get(a.kind)
    if t.out or t.both then
      sp = i
      break
    end
  end
  for i = sp, spec.nargs do
    if types.get(spec.args[i].kind).save then spec._save = true end
  end
  spec._split = sp
  return sp
end

-- The fast path of a spec, or false: fmt.entry(b, call, args) prints the
-- arguments before the split (with ", " after them when more follow at
-- exit), fmt.exit(b, call, args) the rest and ")".
local function compile(spec)
  local fast = false
  local cf = call_format(spec)
  local ok = (not cf or cf.typed) and spec.name ~= "restart_syscall"
  local sp = split_point(spec)
  for i = 1, spec.nargs do
    if not types.get(spec.args[i].kind).put then ok = false end
  end
  if ok and not spec._save then
    local T, A = {}, {}
    local function part(from, to, src)
      for i = from, to do
        T[i], A[i] = types.get(spec.args[i].kind), spec.args[i]
        if i > from then src[#src + 1] = '  b:put(", ")' end
        src[#src + 1] = ("  T[%d].put(b, call, args[%d], A[%d])"):format(i, i, i)
      end
    end
    local src = { "local T, A = ...", "local fmt = {}", "function fmt.entry(b, call, args)" }
    part(1, sp - 1, src)
    if sp <= spec.nargs and sp > 1 then src[#src + 1] = '  b:put(", ")' end
    src[#src + 1] = "end"
    src[#src + 1] = "function fmt.exit(b, call, args)"
    part(sp, spec.nargs, src)
    src[#src + 1] = '  b:put(")")'
    src[#src + 1] = "end"
    src[#src + 1] = "return fmt"
    fast = assert(loadstring(table.concat(src, "\n"), "=printer:" .. spec.name))(T, A)
  end
  spec._fast = fast
  return fast
end

-- Spaces up to column 40, then "= "; past it, " = ".
local pads = {}
for col = 0, 39 do pads[col] = rep(" ", 40 - col) .. "= " end

local function fast_entry(self, call, spec, fast)
  local b = line
  local now = self.ts and stop_time(self, call, true)
  put_prefix(self, b, rawget(call, "tid"), now)
  b:put(spec.name, "(")
  fast.entry(b, call, rawget(call, "_args"))
  self.col = #b
  emit(self, b)
  self.open = call
end

local function fast_exit(self, call, spec, fast)
  local b = line
  local col = 0
  local now = self.ts and stop_time(self, call, false)
  if self.open == call and not rawget(call, "_unfinished") then
    col = self.col
  else
    self:interrupt()
    put_prefix(self, b, rawget(call, "tid"), now)
    b:put("<... ", spec.name, " resumed>")
  end
  fast.exit(b, call, rawget(call, "_args"))
  col = col + #b
  b:put(pads[col] or " = ")
  local result = rawget(call, "result")
  if result == nil then
    b:put("?")
  else
    types.put_result(b, spec.ret, result, call)
    if result == -516 then self.interrupted[rawget(call, "tid")] = spec.name end
  end
  local note = rawget(call, "_note")
  if note then b:put(" ", note) end
  if self.ts then
    local d = duration(self, call, now)
    if d then b:put(d) end
  end
  b:put("\n")
  emit(self, b)
  self.open = nil
  self.col = 0
end

function P:entry(call)
  if self.open then self:interrupt() end
  local spec = rawget(call, "spec")
  local fast = spec._fast
  if fast == nil then fast = compile(spec) end
  if fast then return fast_entry(self, call, spec, fast) end
  local now = self.ts and stop_time(self, call, true)
  local cf = call_format(spec)
  local text
  if cf then
    local ok, s = pcall(cf.entry, call)
    if not ok then
      -- a decoder failed: the arguments by their types, all at entry
      s = format_args(call, 1, spec.nargs)
      call._cf_failed = true
    end
    text = self:prefix(call.tid, now) .. spec.name .. "(" .. s
  else
    local sp = split_point(spec)
    text = self:prefix(call.tid, now) .. spec.name .. "(" ..
      (sp > 1 and format_args(call, 1, sp - 1) or "")
    if spec.name == "restart_syscall" then
      -- the kernel resumes a call a signal interrupted (ERESTART_RESTARTBLOCK)
      call._resuming = self.interrupted[call.tid] or "system call"
      self.interrupted[call.tid] = nil
      text = text .. ("<... resuming interrupted %s ...>"):format(call._resuming)
    end
    if sp <= spec.nargs then
      if sp > 1 then text = text .. ", " end
      if spec._save then save_entry(call, spec, sp) end
    end
  end
  out(self, text)
  self.open = call
  self.col = #text
  call._printed_entry = true
end

local function pad(col)
  if col < 40 then return rep(" ", 40 - col) .. "= " end
  return " = "
end

-- The second half: output arguments and the result (nil result: "= ?").
function P:exit(call)
  local spec = rawget(call, "spec")
  local fast = spec._fast
  if fast == nil then fast = compile(spec) end
  if fast then return fast_exit(self, call, spec, fast) end
  local now = self.ts and stop_time(self, call, false)
  local cf = call_format(spec)
  local rest, rtext
  local result = call.result
  if cf then
    local ok, s = true, ""
    if not call._cf_failed then ok, s = pcall(cf.exit, call) end
    rest = (ok and s or "") .. ")"
    if result ~= nil and cf.result then
      ok, s = pcall(cf.result, call)
      if ok then rtext = s end
    end
  else
    local sp = split_point(spec)
    rest = (sp <= spec.nargs and format_args(call, sp, spec.nargs) or "") .. ")"
  end
  if not rtext then
    rtext = result == nil and "?" or types.format_result(spec.ret, result, call)
  end
  if result == -516 then -- ERESTART_RESTARTBLOCK: restart_syscall comes next
    self.interrupted[call.tid] = call._resuming or spec.name
  end
  if call._note then rtext = rtext .. " " .. call._note end
  if self.ts then rtext = rtext .. (duration(self, call, now) or "") end
  if self.open == call and not call._unfinished then
    local col = self.col + #rest
    out(self, rest .. pad(col) .. rtext .. "\n")
  else
    self:interrupt()
    local head = self:prefix(call.tid, now) .. "<... " .. spec.name .. " resumed>" .. rest
    out(self, head .. pad(#head) .. rtext .. "\n")
  end
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

-- "--- SIGCHLD {si_signo=SIGCHLD, ...} ---"; info: the decoded siginfo.
function P:signal(proc, sig, info)
  local text
  local ok, fmt = pcall(require, "ttlua.structfmt")
  if ok and info and info.si_signo then
    local ok2, s = pcall(fmt.format, "siginfo", info)
    text = ok2 and s or nil
  end
  self:line(proc.tid, format("--- %s %s ---", types.signame(sig), text or "{...}"))
end

function P:stopped(proc, sig)
  self:line(proc.tid, format("--- stopped by %s ---", types.signame(sig)))
end

-- "+++ exited with 0 +++" and the like; how: see the engine's on_exit.
function P:exited(_, how)
  local text
  if how.superseded then
    text = format("+++ superseded by execve in pid %d +++", how.by)
  elseif how.code then
    text = format("+++ exited with %d +++", how.code)
  else
    text = format("+++ killed by %s%s +++", types.signame(how.signal),
      how.core and " (core dumped)" or "")
  end
  self:line(how.tid, text)
end

return P
