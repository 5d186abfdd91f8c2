-- ttlua.jsonlog: the --json log, one JSON object per line.
--
--   {"type":"syscall","time":1732634701.123456,"pid":7,"tid":7,"name":"openat","nr":257,
--    "args":{"dirfd":-100,"pathname":"/etc/passwd","flags":524288,"mode":0},
--    "result":3,"errno":null,"duration":0.000021}
--   {"type":"signal","time":...,"pid":7,"tid":7,"signal":"SIGCHLD","signo":17,"siginfo":{...}}
--   {"type":"exit","time":...,"pid":7,"tid":7,"status":0}
--   {"type":"killed","time":...,"pid":7,"tid":7,"signal":"SIGKILL","core":false}
--   {"type":"superseded","time":...,"pid":7,"tid":8,"by":7}
--   {"type":"stopped","time":...,"pid":7,"tid":7,"signal":"SIGSTOP"}
--   {"type":"message","time":...,"tid":7,"text":"..."}          (ttlua.print)
--
-- A call's object is written when it completes.  "args" holds what a
-- handler sees (call.<name>): integers, strings, decoded structs as objects;
-- arguments are taken at entry, output arguments at exit (null when the
-- call failed).  "result" is the raw kernel value (-errno on failure,
-- null when the thread ended inside the call: exit, exit_group, or a
-- thread killed mid-call); "errno" its name.  "time" is the wall clock at
-- entry (seconds since the epoch), "duration" the seconds between the
-- entry and exit stops.  With -y, "fds" maps each fd argument (and
-- "result" for calls returning an fd) to the path behind it.
-- Byte strings follow ttlua.json's rule (a JSON string when valid UTF-8,
-- else {"b64": ...}); buffers and non-path strings are cut at -s bytes
-- ({"str"|"b64": ..., "truncated": true, "len": N}); argv and envp hold at
-- most -s strings (then {"truncated": true}); paths are whole.
local ffi = require "ffi"
local json = require "ttlua.json"
local types = require "ttlua.types"
local core = require "ttlua.core"

local format = string.format
local quote, number, bytes, object = json.quote, json.number, json.bytes, json.object

-- The engine declares clock_gettime too (a second declaration is an error);
-- the timespec is a plain int64_t[2] (ttlua.structs owns struct ttl_timespec).
pcall(ffi.cdef, "int clock_gettime(int clk, void *ts);")
local ts = ffi.new("int64_t[2]")
local function clock(id)
  ffi.C.clock_gettime(id, ts)
  return tonumber(ts[0]) + tonumber(ts[1]) * 1e-9
end
local function realtime() return clock(0) end
local function monotonic() return clock(1) end

local errno_mod
local function errno_name(e)
  errno_mod = errno_mod or require "ttlua.errno"
  return errno_mod.name[e] or tostring(e)
end

local J = {}
J.__index = J

-- opts: write(text) (default: the core's log), accept(call) -> bool
-- (-e status=), fdname (the ttlua.fdname module when -y is on).
function J.new(opts)
  opts = opts or {}
  return setmetatable({
    write = opts.write or core.log,
    accept = opts.accept,
    fdname = opts.fdname,
    ntracees = 0,
  }, J)
end

local function stamp()
  return format("%.6f", realtime())
end

-- ---- argument values -------------------------------------------------------------

local function param_value(call, a)
  local p = a.param
  if p == "ret" then return rawget(call, "result") end
  local i = call.spec.argi[p]
  return i and call._args[i] or nil
end

-- A buffer of len bytes at addr, cut at -s.
local function buffer(call, addr, len)
  if addr == 0 or not len or len < 0 then return nil end
  local max = types.opts.strsize
  local n = len > max and max or len
  local s = core.read(call.proc.pid, addr, n)
  if not s then return nil end
  return bytes(s, len > #s, len)
end

local function iovec(call, addr, cnt, total)
  if addr == 0 or not cnt or cnt < 0 then return nil end
  local max = types.opts.strsize
  local n = cnt > max and max or cnt
  local raw = core.read(call.proc.pid, addr, 16 * n)
  if not raw then return nil end
  local p = ffi.cast("const uint64_t *", raw)
  local parts = {}
  local left = total
  for i = 0, math.floor(#raw / 16) - 1 do
    local base, len = tonumber(p[2 * i]), tonumber(p[2 * i + 1])
    local shown = len
    if left then
      shown = math.max(0, math.min(len, left))
      left = left - shown
    end
    parts[#parts + 1] = object("base", number(base), "len", number(len),
      "data", buffer(call, base, shown) or "null")
  end
  local more = cnt > n and ',{"truncated":true}' or ""
  return "[" .. table.concat(parts, ",") .. more .. "]"
end

-- argv/envp: at most -s strings, each cut at -s bytes.
local function strarray(call, addr)
  if addr == 0 then return nil end
  local max = types.opts.strsize
  local raw = core.read(call.proc.pid, addr, 8 * (max + 1))
  if not raw then return nil end
  local p = ffi.cast("const uint64_t *", raw)
  local parts = {}
  for i = 0, math.floor(#raw / 8) - 1 do
    local a = tonumber(p[i])
    if a == 0 then return "[" .. table.concat(parts, ",") .. "]" end
    if i == max then break end
    local s, complete = core.readstr(call.proc.pid, a, max)
    parts[#parts + 1] = s and bytes(s, not complete) or "null"
  end
  parts[#parts + 1] = '{"truncated":true}'
  return "[" .. table.concat(parts, ",") .. "]"
end

local function failed(call)
  local r = rawget(call, "result")
  return r == nil or (r < 0 and r > -4096)
end

-- Kinds whose JSON is cut at -s; everything else is the handler's value.
local special = {
  ibuf = function(call, raw, a) return buffer(call, raw, param_value(call, a)) end,
  obuf = function(call, raw, a)
    if failed(call) then return nil end
    local len = param_value(call, a)
    local r = call.result
    if a.param ~= "ret" and len and r < len then len = r end
    return buffer(call, raw, len)
  end,
  str = function(call, raw)
    if raw == 0 then return nil end
    local s, complete = core.readstr(call.proc.pid, raw, types.opts.strsize)
    if not s then return nil end
    return bytes(s, not complete)
  end,
  strarray = strarray,
  envp = strarray,
  iovec_in = function(call, raw, a) return iovec(call, raw, param_value(call, a), nil) end,
  iovec_out = function(call, raw, a)
    if failed(call) then return nil end
    return iovec(call, raw, param_value(call, a), call.result)
  end,
}

local function field(call, name) return call[name] end

local function arg_json(call, i)
  local a = call.spec.args[i]
  local raw = call._args[i]
  local f = special[a.kind]
  if f then
    local ok, s = pcall(f, call, raw, a)
    if ok then return s or "null" end
    return number(raw)
  end
  local ok, v = pcall(field, call, a.name)
  if not ok then return number(raw) end
  return json.encode(v)
end

local function is_output(kind)
  local t = types.get(kind)
  return t.out or t.both
end

-- ---- the log interface ------------------------------------------------------------

function J:entry(call)
  local spec = call.spec
  local args = {}
  for i = 1, spec.nargs do
    if not is_output(spec.args[i].kind) then args[i] = arg_json(call, i) end
  end
  local fds
  if self.fdname then
    for i = 1, spec.nargs do
      local kind = spec.args[i].kind
      if kind == "fd" or kind == "dirfd" then
        local fd = types.s32(call._args[i])
        local target
        if fd >= 0 then
          target = self.fdname.target(call.proc, fd)
        elseif fd == -100 and kind == "dirfd" then
          target = self.fdname.cwd(call.proc)
        end
        if target then
          fds = fds or {}
          fds[#fds + 1] = quote(spec.args[i].name) .. ":" .. bytes(target)
        end
      end
    end
  end
  rawset(call, "_json", { args = args, fds = fds, time = stamp(), t0 = monotonic() })
end

function J:exit(call)
  local st = rawget(call, "_json")
  if not st then
    self:entry(call)
    st = rawget(call, "_json")
    st.t0 = nil
  end
  if self.accept and not self.accept(call) then return end
  local spec = call.spec
  local parts = {}
  for i = 1, spec.nargs do
    local v = st.args[i] or arg_json(call, i)
    parts[i] = quote(spec.args[i].name) .. ":" .. v
  end
  local result = rawget(call, "result")
  local errno
  if result and result < 0 and result > -4096 and spec.ret ~= "noreturn" then
    errno = quote(errno_name(-result))
  end
  local fds = st.fds
  if self.fdname and spec.ret == "fd" and result and result >= 0 then
    local target = self.fdname.target(call.proc, result)
    if target then
      fds = fds or {}
      fds[#fds + 1] = '"result":' .. bytes(target)
    end
  end
  local arch = call.arch and call.arch ~= 0 and quote(core.ARCH[call.arch] or "unknown") or nil
  local line = {
    '{"type":"syscall","time":', st.time,
    ',"pid":', number(call.proc.pid), ',"tid":', number(call.tid),
    ',"name":', quote(spec.name), ',"nr":', number(spec.nr),
    arch and (',"arch":' .. arch) or "",
    ',"args":{', table.concat(parts, ","),
    '},"result":', result and number(result) or "null",
    ',"errno":', errno or "null",
    st.t0 and format(',"duration":%.6f', monotonic() - st.t0) or "",
    fds and (',"fds":{' .. table.concat(fds, ",") .. "}") or "",
    "}\n",
  }
  self.write(table.concat(line))
end

-- A call answered without an exit stop.
function J:call(call)
  self:entry(call)
  rawget(call, "_json").t0 = nil
  self:exit(call)
end

function J:line(tid, text)
  self.write(object("type", '"message"', "time", stamp(), "tid", tid and number(tid) or nil,
    "text", bytes(text)) .. "\n")
end

function J:signal(proc, sig, info)
  local si
  if info and info.si_signo then
    local copy = {}
    for k, v in pairs(info) do
      if k ~= "raw" then copy[k] = v end
    end
    si = json.encode(copy)
  end
  self.write(object("type", '"signal"', "time", stamp(), "pid", number(proc.pid),
    "tid", number(proc.tid), "signal", quote(types.signame(sig)), "signo", number(sig),
    "siginfo", si) .. "\n")
end

function J:stopped(proc, sig)
  self.write(object("type", '"stopped"', "time", stamp(), "pid", number(proc.pid),
    "tid", number(proc.tid), "signal", quote(types.signame(sig))) .. "\n")
end

function J:exited(proc, how)
  local t, pid, tid = stamp(), number(proc.pid), number(how.tid)
  local text
  if how.superseded then
    text = object("type", '"superseded"', "time", t, "pid", pid, "tid", tid, "by", number(how.by))
  elseif how.code then
    text = object("type", '"exit"', "time", t, "pid", pid, "tid", tid, "status", number(how.code))
  else
    text = object("type", '"killed"', "time", t, "pid", pid, "tid", tid,
      "signal", quote(types.signame(how.signal)), "core", how.core and "true" or "false")
  end
  self.write(text .. "\n")
end

-- Printer compatibility (passthru and the engine call these on any log).
function J.interrupt() end

return J
