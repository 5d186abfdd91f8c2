-- ttlua.inject.spec: the rule language of ttlua.inject, without the
-- runtime: strace's tampering grammar (SET:key=value:...), its values
-- (errno and signal names, delays, when=), syscall sets (names, %class,
-- /regex) and compile(), which turns a spec string or a table into a
-- checked rule.  See lua/ttlua/inject.lua for the language itself.
local ffi = require "ffi"
local glob = require "ttlua.glob"
local prng = require "ttlua.prng"
local syscalls = require "ttlua.syscalls"
local trace_expr = require "ttlua.trace_expr"

local M = {}

local sys          -- the x86_64 table, loaded on first use
local function table_x86_64()
  sys = sys or syscalls.arch("x86_64")
  return sys
end

local errno_mod
local function errno()
  errno_mod = errno_mod or require "ttlua.errno"
  return errno_mod
end

-- Signal numbers of x86_64 (the kernel's, as strace names them).
local SIGNALS = {
  HUP = 1, INT = 2, QUIT = 3, ILL = 4, TRAP = 5, ABRT = 6, IOT = 6, BUS = 7,
  FPE = 8, KILL = 9, USR1 = 10, SEGV = 11, USR2 = 12, PIPE = 13, ALRM = 14,
  TERM = 15, STKFLT = 16, CHLD = 17, CONT = 18, STOP = 19, TSTP = 20,
  TTIN = 21, TTOU = 22, URG = 23, XCPU = 24, XFSZ = 25, VTALRM = 26,
  PROF = 27, WINCH = 28, IO = 29, POLL = 29, PWR = 30, SYS = 31, RTMIN = 32,
}
local NSIG = 64

-- Calls whose byte count a rule can shrink: the count argument, or the
-- iovec array and its length.
local SHAPE = {
  read = { "count" }, write = { "count" }, pread64 = { "count" }, pwrite64 = { "count" },
  readv = { "iov", "iovcnt" }, writev = { "iov", "iovcnt" },
  preadv = { "iov", "iovcnt" }, pwritev = { "iov", "iovcnt" },
  preadv2 = { "iov", "iovcnt" }, pwritev2 = { "iov", "iovcnt" },
  recvfrom = { "len" }, sendto = { "len" },
  sendfile = { "count" }, copy_file_range = { "len" }, splice = { "len" },
}
-- Which of them write (after= budgets only these).
local WRITES = {
  write = true, pwrite64 = true, writev = true, pwritev = true, pwritev2 = true,
  sendto = true, sendfile = true, copy_file_range = true, splice = true,
}


-- ---- parsing values --------------------------------------------------------

local function fail(fmt, ...)
  return nil, fmt:format(...)
end

-- strace's time format: a decimal number with s, ms, us or ns; bare = us.
-- A Lua number is seconds.  Returns seconds.
local PER_SECOND = { s = 1, ms = 1e3, us = 1e6, ns = 1e9, [""] = 1e6 }
function M.parse_delay(v)
  if type(v) == "number" then
    if v < 0 or v ~= v then return fail("delay %s is negative", tostring(v)) end
    return v
  end
  if type(v) ~= "string" then return fail("a delay must be a number or a string") end
  local num, unit = v:match("^%s*([%d%.eE+-]+)(%a*)%s*$")
  local x = num and tonumber(num)
  if not x or not PER_SECOND[unit] or x < 0 or num:sub(1, 1) == "-" then
    return fail("%q is not a delay (a number with s, ms, us or ns; bare = microseconds)", v)
  end
  return x / PER_SECOND[unit]
end

-- when=: returns { first, last (nil = no end), step (0 = only first) }.
function M.parse_when(v)
  if type(v) == "table" then
    local f, l, s = v.first or v[1], v.last, v.step
    if type(f) ~= "number" or f < 1 or f % 1 ~= 0 then
      return fail("when.first must be an integer >= 1")
    end
    if l ~= nil and (type(l) ~= "number" or l < f or l % 1 ~= 0) then
      return fail("when.last must be an integer >= first")
    end
    if s == nil then s = l and 1 or 0 end
    if type(s) ~= "number" or s < 0 or s % 1 ~= 0 then
      return fail("when.step must be an integer >= 1")
    end
    return { first = f, last = l, step = s }
  end
  if type(v) == "number" then v = tostring(v) end
  if type(v) ~= "string" then return fail("when must be a string, a number or a table") end
  local f, rest = v:match("^(%d+)(.*)$")
  if not f or tonumber(f) < 1 then
    return fail("when=%s: expected FIRST[..LAST][+[STEP]] with FIRST >= 1", v)
  end
  local w = { first = tonumber(f) }
  local l, rest2 = rest:match("^%.%.(%d+)(.*)$")
  if l then
    w.last = tonumber(l)
    if w.last < w.first then return fail("when=%s: LAST is smaller than FIRST", v) end
    rest = rest2
  end
  if rest == "" then
    w.step = w.last and 1 or 0
  elseif rest == "+" then
    w.step = 1
  else
    local s = rest:match("^%+(%d+)$")
    if not s or tonumber(s) < 1 then
      return fail("when=%s: expected FIRST[..LAST][+[STEP]] with STEP >= 1", v)
    end
    w.step = tonumber(s)
  end
  return w
end

local function parse_errno(v)
  if type(v) == "number" then
    if v % 1 ~= 0 or v < 1 or v > 4095 then return fail("error=%s is not in 1..4095", v) end
    return v
  end
  if type(v) ~= "string" then return fail("error must be a name or a number") end
  if v:match("^%d+$") then return parse_errno(tonumber(v)) end
  local n = errno()[v]
  if type(n) ~= "number" then return fail("error=%s: unknown errno name", v) end
  return n
end
M.parse_errno = parse_errno

pcall(ffi.cdef, [[
unsigned long long strtoull(const char *s, char **end, int base);
]]) -- other modules may declare these too
local endp = ffi.new("char *[1]")
local I64 = ffi.typeof("int64_t")
local function parse_retval(v)
  if type(v) == "number" then
    if v % 1 ~= 0 then return fail("retval=%s is not an integer", v) end
    return v
  end
  if type(v) ~= "string" or not v:match("^%s*[-+]?%w+$") then
    return fail("retval=%s is not an integer", tostring(v))
  end
  local neg = v:match("^%s*%-")
  local text = v:gsub("^%s*[-+]?", "")
  local u = ffi.C.strtoull(text, endp, 0) -- base 0: 0x.. hex, 0.. octal, as strace
  if endp[0][0] ~= 0 or text == "" then return fail("retval=%s is not an integer", v) end
  local x = tonumber(ffi.cast(I64, u))
  if neg then x = -x end
  return x
end

local function parse_signal(v)
  local n
  if type(v) == "number" then
    n = v
  elseif type(v) == "string" then
    if v:match("^%d+$") then
      n = tonumber(v)
    else
      local s = v:upper():gsub("^SIG", "")
      n = SIGNALS[s]
      local plus = s:match("^RTMIN%+(%d+)$")
      if plus then n = 32 + tonumber(plus) end
      local rt = s:match("^RT_(%d+)$")
      if rt then n = 32 + tonumber(rt) end
    end
  end
  if not n or n % 1 ~= 0 or n < 1 or n > NSIG then
    return fail("signal=%s: not a signal name or number in 1..%d", tostring(v), NSIG)
  end
  return n
end
M.parse_signal = parse_signal

local function parse_uint(v, what)
  local n = type(v) == "number" and v or (type(v) == "string" and v:match("^%d+$") and tonumber(v))
  if not n or n < 0 or n % 1 ~= 0 then return fail("%s=%s is not a non-negative integer", what, tostring(v)) end
  return n
end

local BYTE_SUFFIX = { [""] = 1, k = 1024, m = 1024 ^ 2, g = 1024 ^ 3 }
local function parse_bytes(v, what)
  if type(v) == "number" then return parse_uint(v, what) end
  if type(v) ~= "string" then return fail("%s must be a number of bytes", what) end
  local num, suf = v:match("^(%d+)(%a?)[iI]?[bB]?$")
  local scale = suf and BYTE_SUFFIX[suf:lower()]
  if not num or not scale then return fail("%s=%s is not a number of bytes (suffix k, m or g)", what, v) end
  return tonumber(num) * scale
end

local function parse_prob(v)
  local p = v
  if type(v) == "string" then
    local pct = v:match("^([%d.]+)%%$")
    p = pct and tonumber(pct) and tonumber(pct) / 100 or tonumber(v)
  end
  if type(p) ~= "number" or p < 0 or p > 1 then
    return fail("prob=%s is not a probability (0..1 or a percentage)", tostring(v))
  end
  return p
end

local function parse_poke(v)
  local list = {}
  if type(v) ~= "string" then return fail("poke must be a string @argN=HEX,...") end
  for item in v:gmatch("[^,]+") do
    local n, hex = item:match("^@arg(%d)=(%x+)$")
    n = tonumber(n)
    if not n or #hex % 2 == 1 or #hex > 4096 then
      return fail("poke %s: expected @argN=HEX with an even number of hex digits", item)
    end
    if n < 1 or n > 6 then return fail("poke %s: x86_64 calls have arguments 1..6", item) end
    list[#list + 1] = { arg = n, bytes = (hex:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)) }
  end
  if #list == 0 then return fail("poke needs @argN=HEX") end
  return list
end

-- ---- syscall sets ------------------------------------------------------------

-- A syscall set as strace reads it (ttlua.trace_expr, which -e trace= uses
-- too), from a string or a list of its elements -> { [nr] = true }, or
-- nil, error.
function M.parse_set(v)
  local t = table_x86_64()
  if type(v) == "table" then
    for i, tok in ipairs(v) do
      if type(tok) ~= "string" then return fail("syscall set element %d is a %s", i, type(tok)) end
    end
    if #v == 0 then return fail("empty syscall set") end
    v = table.concat(v, ",")
  elseif type(v) ~= "string" then
    return fail("a syscall set must be a string or a list of names")
  end
  if v == "" then return fail("empty syscall set") end
  local names, err = trace_expr.syscall_set(v, t)
  if not names then return nil, err end
  local set = {}
  for name in pairs(names) do set[t.by_name[name].nr] = true end
  return set
end

-- ---- the command-line grammar ----------------------------------------------

local KEYS = {
  when = true, syscall = true, error = true, retval = true, signal = true,
  delay_enter = true, delay_exit = true, poke_enter = true, poke_exit = true,
  path = true, fd = true, fdpath = true, prob = true, seed = true, after = true, short = true,
}
-- --fault takes strace's fault keys and the extensions that only select calls.
local FAULT_KEYS = {
  when = true, syscall = true, error = true, path = true, fd = true, fdpath = true,
  prob = true, seed = true, after = true,
}
local GLOB_KEYS = { path = true, fdpath = true }

-- Split on ":" (a "\:" stays a colon); a token with no "=" after a glob
-- key continues that glob (fdpath=socket:* reads as one value).
local function split_spec(spec)
  local raw, cur, i = {}, {}, 1
  while i <= #spec do
    local c = spec:sub(i, i)
    if c == "\\" and spec:sub(i + 1, i + 1) == ":" then
      cur[#cur + 1] = ":"
      i = i + 2
    elseif c == ":" then
      raw[#raw + 1] = table.concat(cur)
      cur = {}
      i = i + 1
    else
      cur[#cur + 1] = c
      i = i + 1
    end
  end
  raw[#raw + 1] = table.concat(cur)
  local out = { raw[1] }
  for k = 2, #raw do
    local tok = raw[k]
    local prev = out[#out]
    local pkey = k > 2 and prev:match("^([%w_]+)=")
    if not tok:find("=", 1, true) and pkey and GLOB_KEYS[pkey] then
      out[#out] = prev .. ":" .. tok
    else
      out[#out + 1] = tok
    end
  end
  return out
end

-- "SET:key=value:..." -> a rule table (values still text), or nil, error.
-- kind: "inject" or "fault".
function M.parse(spec, kind)
  kind = kind or "inject"
  if type(spec) ~= "string" then return fail("a rule spec must be a string") end
  local toks = split_spec(spec)
  if toks[1] == "" then return fail("no syscall set before the first ':'") end
  local t = { set = toks[1], kind = kind }
  for k = 2, #toks do
    local key, val = toks[k]:match("^([%w_]+)=(.*)$")
    if not key then return fail("%q is not KEY=VALUE", toks[k]) end
    if not KEYS[key] then return fail("unknown key %s", key) end
    if kind == "fault" and not FAULT_KEYS[key] then
      return fail("%s= is not a --fault key (use --inject)", key)
    end
    if t[key] ~= nil and key ~= "when" then -- strace: the last when= wins
      return fail("%s= given twice", key)
    end
    if (key == "error" and t.retval) or (key == "retval" and t.error) then
      return fail("error= and retval= exclude each other")
    end
    t[key] = val
  end
  return t
end

-- ---- compiling a rule ---------------------------------------------------------

local Rule = {}
Rule.__index = Rule

function Rule:enable() self.enabled = true; return self end
function Rule:disable() self.enabled = false; return self end
function Rule:__tostring() return ("inject rule %d (%s)"):format(self.index, self.origin) end

local function arg_indexes(spec, kind)
  local out = {}
  for i, a in ipairs(spec.args) do
    if a.kind == kind then out[#out + 1] = i end
  end
  return out
end

-- The fd arguments and the (path, dirfd) pairs of a syscall, cached.
local arg_cache = {}
local function args_of(spec)
  local c = arg_cache[spec]
  if c then return c end
  c = { fds = arg_indexes(spec, "fd"), paths = {} }
  local dirfd
  for i, a in ipairs(spec.args) do
    if a.kind == "dirfd" then
      dirfd = i
    elseif a.kind == "path" then
      c.paths[#c.paths + 1] = { i, dirfd }
      dirfd = nil
    end
  end
  arg_cache[spec] = c
  return c
end


-- Make a rule from a table (or a spec string); returns the rule, or nil
-- and an error.  Used by M.rule (which raises) and the command line.
function M.compile(t, kind)
  if type(t) == "string" then
    local err
    t, err = M.parse(t, kind)
    if not t then return nil, err end
  end
  if type(t) ~= "table" then return fail("a rule is a table or a spec string") end
  kind = t.kind or kind or "inject"
  local r = setmetatable({
    enabled = true, seen = 0, fired = 0, used = 0, reserved = 0, kind = kind,
    origin = t.origin or t.spec or "",
  }, Rule)
  local setv = t[1] or t.set or t.syscalls
  if setv == nil then return fail("no syscall set (t[1], t.set or t.syscalls)") end
  local set, err = M.parse_set(setv)
  if not set then return nil, err end
  r.set = set

  local known = {
    [1] = true, set = true, syscalls = true, kind = true, origin = true, spec = true,
    match = true,
  }
  for k in pairs(KEYS) do known[k] = true end
  for k in pairs(t) do
    if not known[k] then return fail("unknown rule field %s", tostring(k)) end
  end
  if t.error ~= nil and t.retval ~= nil then return fail("error= and retval= exclude each other") end

  if t.error ~= nil then
    if type(t.error) == "table" then
      r.errors = {}
      for i, e in ipairs(t.error) do
        local n, e2 = parse_errno(e)
        if not n then return nil, e2 end
        r.errors[i] = n
      end
      if #r.errors == 0 then return fail("error = {} lists no errno") end
    else
      local n, e2 = parse_errno(t.error)
      if not n then return nil, e2 end
      r.value = -n
    end
  end
  if t.retval ~= nil then
    local v, e2 = parse_retval(t.retval)
    if not v then return nil, e2 end
    r.value = v
    if v < 0 and v >= -4095 then
      io.stderr:write(("ttlua: inject: retval=%s looks like error %d to the tracee\n"):format(
        tostring(t.retval), -v))
    end
  end
  if t.signal ~= nil then
    local s, e2 = parse_signal(t.signal)
    if not s then return nil, e2 end
    r.signal = s
  end
  if t.syscall ~= nil then
    local spec = table_x86_64().by_name[t.syscall]
    if not spec or not spec.classes.pure then
      return fail("syscall=%s: only a pure syscall (%%pure: getpid, getuid, ...) can replace a call",
        tostring(t.syscall))
    end
    r.syscall = spec.name
  end
  for _, key in ipairs({ "delay_enter", "delay_exit" }) do
    if t[key] ~= nil then
      local d, e2 = M.parse_delay(t[key])
      if not d then return nil, key .. ": " .. e2 end
      r[key] = d
    end
  end
  for _, key in ipairs({ "poke_enter", "poke_exit" }) do
    if t[key] ~= nil then
      local p, e2 = parse_poke(t[key])
      if not p then return nil, e2 end
      r[key] = p
    end
  end
  if t.when ~= nil then
    local w, e2 = M.parse_when(t.when)
    if not w then return nil, e2 end
    r.when = w
  end
  for _, key in ipairs({ "path", "fdpath" }) do
    if t[key] ~= nil then
      local m, e2 = glob.compile(t[key])
      if not m then return nil, key .. ": " .. e2 end
      r[key] = m
      r[key .. "_text"] = t[key]
    end
  end
  if t.fd ~= nil then
    local n, e2 = parse_uint(t.fd, "fd")
    if not n then return nil, e2 end
    r.fd = n
  end
  if t.prob ~= nil then
    local p, e2 = parse_prob(t.prob)
    if not p then return nil, e2 end
    r.prob = p
  end
  if t.seed ~= nil then
    local s, e2 = prng.seed_value(t.seed)
    if not s then return nil, e2 end
    r.seed = s
  end
  if t.after ~= nil then
    local n, e2 = parse_bytes(t.after, "after")
    if not n then return nil, e2 end
    r.after = n
    if r.value == nil and not r.errors then r.value = -errno().ENOSPC end
  end
  if t.short ~= nil then
    if type(t.short) == "function" then
      r.short = t.short
    else
      local n, e2 = parse_uint(t.short, "short")
      if not n then return nil, e2 end
      if n < 1 then return fail("short=0 would be an end of file; use retval=0") end
      r.short = n
    end
  end
  if t.match ~= nil then
    if type(t.match) ~= "function" then return fail("match must be a function") end
    r.match = t.match
  end

  if kind == "fault" and r.value == nil and not r.errors then
    r.value = -errno().ENOSYS -- strace's default for --fault
  end
  if r.value == nil and not r.errors and not r.signal and not r.delay_enter and not r.delay_exit
      and not r.poke_enter and not r.poke_exit and not r.short then
    return fail("nothing to inject: give error=, retval=, signal=, delay_enter=, delay_exit=,"
      .. " poke_enter=, poke_exit=, after= or short=")
  end
  if (r.prob or r.errors) and not r.seed then
    r.seed = prng.seed_value(prng.fresh_seed())
    r.seed_chosen = true
  end
  r.seed_text = r.seed and prng.seed_text(r.seed)

  -- the syscalls the rule can act on
  local t64 = table_x86_64()
  r.nrs = {}
  for nr in pairs(set) do
    local spec = t64.by_nr[nr]
    local a = args_of(spec)
    local ok = true
    if r.path and #a.paths == 0 then ok = false end
    if (r.fd or r.fdpath) and #a.fds == 0 then ok = false end
    if r.short and not SHAPE[spec.name] then ok = false end
    if r.after and not WRITES[spec.name] then ok = false end
    if ok then r.nrs[#r.nrs + 1] = nr end
  end
  table.sort(r.nrs)
  if next(set) and #r.nrs == 0 then
    local why = r.after and "after= applies to writes (write, pwrite64, writev, pwritev, pwritev2,"
        .. " sendto, sendfile, copy_file_range, splice)"
      or r.short and "short= applies to reads and writes with a byte count"
      or r.path and "path= applies to calls with a path argument"
      or "fd=/fdpath= apply to calls with a descriptor argument"
    return fail("the rule can never fire: %s", why)
  end
  -- zero stops: compiled into the filter when nothing needs deciding per call
  local w = r.when
  r.static = (r.value ~= nil and r.value <= 0) and not r.errors and not r.signal
    and not r.delay_enter and not r.delay_exit and not r.poke_enter and not r.poke_exit
    and (not w or (w.first == 1 and w.step == 1 and not w.last))
    and not r.path and not r.fdpath and not r.prob and not r.after and not r.short
    and not r.match
  return r
end

M.table_x86_64 = table_x86_64
M.args_of = args_of
M.SHAPE, M.WRITES = SHAPE, WRITES
M.errno = errno
M.Rule = Rule

return M
