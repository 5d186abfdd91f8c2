-- ttlua.rules: static rules, compiled into the seccomp filter when they
-- can be, so that the calls they decide never wake the tracer (DESIGN.md
-- section 2, point 4).
--
--   local ttlua = require "ttlua"
--   local E, C = ttlua.errno, ttlua.const
--   ttlua.rule{ "socket", domain = "AF_INET", ret = -E.EACCES }   -- 0 stops
--   ttlua.rule{ "kill", sig = 9, ret = -E.EPERM }
--   ttlua.rule{ "mmap", prot = { "&", C.PROT_EXEC }, ret = -E.EACCES }
--   ttlua.rule{ "write", fd = { "in", 1, 2 }, action = "allow" }
--   ttlua.rule{ "write", count = { ">", 4096 }, ret = -E.EFBIG }
--   ttlua.rule{ "openat", pathname = "/etc/shadow", ret = -E.EACCES } -- a handler
--   ttlua.rule{ "write", fd = 1, every = 10, ret = -E.EIO }        -- a handler
--
-- A rule is a syscall name, conditions on its arguments (by name, all must
-- hold), and what to do: `ret = N` (the call does not run and returns N:
-- -errno, or 0) or `action = "allow"` (the call runs natively and no handler
-- sees it).  Rules are checked in the order they were declared, before the
-- policy's handlers: the first that matches decides.  They must be declared
-- while the policy file loads.
--
-- Conditions, ARG = ...:
--   N                  equal (for an int-sized argument: its low 32 bits, as
--                      the kernel reads it; -1 and 0xffffffff are the same)
--   "NAME"             a constant (AF_INET, O_WRONLY, SIGKILL...), equal
--   { "==", N }  { "~=", N }  { "<", N }  { "<=", N }  { ">", N }  { ">=", N }
--                      comparisons; on 64-bit arguments (long, size, pointer)
--                      unsigned like the kernel's; on int-sized ones the
--                      value the handler would see (call.ARG)
--   { "&", MASK [, VALUE] }   (ARG & MASK) == VALUE; VALUE defaults to MASK
--                      (all of MASK's bits set); { "&", MASK, 0 }: none set
--   { "in", A, B, ... }       equal to one of the values
--   "text"             for path and string arguments: the string equals it
--   function(v)        v = call.ARG (decoded); true when the condition holds
-- Also: `when = function(call) ... end` (an extra test on the whole call),
-- `every = N` (only every Nth call that matches), `times = N` (only the
-- first N matching calls).
--
-- What compiles into the filter (zero stops), and what does not (a handler
-- generated from the rule does the same, at one stop per call it sees):
--   compiles   ret = 0 or -1..-4095, or action = "allow", with conditions
--              that are numbers or constants: equality and { "&" } on any
--              integer argument, the other comparisons on 64-bit ones,
--              { "in" } of those (one filter rule per value, at most 16);
--   does not   ret > 0; strings (paths), functions, when, every, times;
--              ~= < <= > >= on int-sized arguments (the filter compares 64
--              bits, the kernel reads 32); a rule that overlaps an earlier
--              rule with another result (libseccomp cannot keep their order:
--              rules that are provably disjoint, e.g. different values of one
--              argument, are fine); a second "allow" rule for a syscall that
--              a handler also traces (without a default handler); "allow"
--              for clone, clone3 and ptrace (the guard must see those);
--              anything when ttlua attaches with -p (no filter there).
-- --stats counts both kinds ("compiled rules", "handler rules"), and
-- M.explain() lists each rule with the reason it did not compile.
--
-- Lower level, for modules that build their own handlers (--inject):
--   rules.compile{ nr = N, args = { { index, op, value [, mask] }, ... },
--                  errno = E | allow = true [, width = 32|64 per arg: see below] }
--   index is 1..6 (as call.args), op is "==" "~=" "<" "<=" ">" ">=" "&"
--   (for "&", value is the expected (ARG & mask)).  Returns true when the
--   rule went into the filter, or false and the reason; the caller handles
--   the calls itself otherwise.  Call it before the filter is built (from a
--   setup hook or while the policy loads).
local bit = require "bit"
local ffi = require "ffi"

local band, tobit = bit.band, bit.tobit

local M = {}

local rules = {}   -- every rule, in declaration order
local by_nr = {}   -- nr -> its rules, in order
M.list = rules

local state = {
  loading = true,    -- declarations accepted
  mode = nil,        -- "filter" or "attach", known once the policy is loaded
  trace_all = nil,   -- the policy has a default handler
  built = false,     -- the filter was built: compile() is too late
}
M.state = state

-- ---- argument widths and values ---------------------------------------------

-- Argument types the kernel reads as 32 bits (the filter compares 64).
local int32 = {
  int = true, uint = true, fd = true, dirfd = true, pid = true, uid = true, gid = true,
  mode = true, fmode = true, signal = true, clockid = true, flags = true, enum = true,
}
-- 64-bit integers and pointers.
local int64 = {
  long = true, ulong = true, size = true, ssize = true, off = true, hex = true, ptr = true,
  u64 = true, i64 = true, lflags = true,
}
local strings = { path = true, str = true }

local TWO32 = 4294967296

local syscalls_x86_64
local function sys()
  syscalls_x86_64 = syscalls_x86_64 or require("ttlua.syscalls").arch("x86_64")
  return syscalls_x86_64
end

-- The value of a constant name for an argument (its own set first).
local function constant(name, arg)
  local ok, xlat = pcall(require, "ttlua.xlat")
  if not ok then error(("ttlua.rule: constant %s: no constants available"):format(name), 0) end
  if arg and arg.param and (arg.kind == "flags" or arg.kind == "enum" or arg.kind == "lflags") then
    pcall(function() return xlat[arg.param] end)
  end
  local v = xlat.value(name)
  if v == nil then
    local okc, c = pcall(function() return xlat.const[name] end)
    v = okc and c or nil
  end
  if type(v) ~= "number" then
    error(("ttlua.rule: unknown constant %q"):format(name), 0)
  end
  return v
end

-- Unsigned order of two 64-bit values held in Lua numbers (negative ones are
-- the top half of the unsigned range).  Exact below 2^53, like the table.
local function ucmp(a, b)
  if (a < 0) ~= (b < 0) then return a < 0 and 1 or -1 end
  if a < b then return -1 end
  return a > b and 1 or 0
end

local function u64(v) return ffi.cast("uint64_t", ffi.cast("int64_t", v)) end

-- ---- conditions ---------------------------------------------------------------
-- A condition: { i = arg index 1..6, name, width = 32|64|"str"|"any",
--   op = "==" "~=" "<" "<=" ">" ">=" "&" "in" "str" "fn", v, m, values, fn }

local ops = { ["=="] = true, ["~="] = true, ["!="] = true, ["<"] = true, ["<="] = true,
  [">"] = true, [">="] = true, ["&"] = true, ["in"] = true }

local function width_of(arg)
  if int32[arg.kind] then return 32 end
  if int64[arg.kind] then return 64 end
  if strings[arg.kind] then return "str" end
  return "any" -- pointers to structs, buffers: compared as 64-bit addresses
end

local function number_of(x, arg, what)
  if type(x) == "number" then return x end
  if type(x) == "string" then return constant(x, arg) end
  error(("ttlua.rule: %s: expected a number or a constant name, got a %s"):format(what, type(x)), 0)
end

local function condition(spec, name, v)
  local i = spec.argi[name]
  local arg = spec.args[i]
  local c = { i = i, name = name, width = width_of(arg) }
  local what = spec.name .. "." .. name
  if type(v) == "function" then
    c.op, c.fn = "fn", v
  elseif type(v) == "string" and c.width == "str" then
    c.op, c.v = "str", v
  elseif type(v) == "number" or type(v) == "string" then
    c.op, c.v = "==", number_of(v, arg, what)
  elseif type(v) == "table" then
    local op = v[1]
    if not ops[op] then
      error(("ttlua.rule: %s: unknown operator %s (use == ~= < <= > >= & in)"):format(
        what, tostring(op)), 0)
    end
    if op == "!=" then op = "~=" end
    c.op = op
    if op == "in" then
      c.values = {}
      for k = 2, #v do c.values[#c.values + 1] = number_of(v[k], arg, what) end
      if #c.values == 0 then error(("ttlua.rule: %s: { \"in\" } needs values"):format(what), 0) end
    elseif op == "&" then
      c.m = number_of(v[2], arg, what)
      c.v = v[3] ~= nil and number_of(v[3], arg, what) or c.m
    else
      c.v = number_of(v[2], arg, what)
    end
    if c.width == "str" then c.width = "any" end
  else
    error(("ttlua.rule: %s: a condition is a number, a constant name, a table or a function,"
      .. " not a %s"):format(what, type(v)), 0)
  end
  return c
end

-- Does raw register value x satisfy c (the filter's meaning where it compiles)?
local function holds(c, x, call)
  local op = c.op
  if op == "fn" then return c.fn(call[c.name]) and true or false end
  if op == "str" then return call[c.name] == c.v end
  if c.width == 32 then
    if op == "==" then return tobit(x) == tobit(c.v) end
    if op == "&" then return band(tobit(x), tobit(c.m)) == band(tobit(c.v), tobit(c.m)) end
    if op == "in" then
      for _, v in ipairs(c.values) do if tobit(x) == tobit(v) then return true end end
      return false
    end
    -- other comparisons: on the value a handler sees
    local y = call[c.name]
    if op == "~=" then return y ~= c.v end
    if op == "<" then return y < c.v end
    if op == "<=" then return y <= c.v end
    if op == ">" then return y > c.v end
    return y >= c.v
  end
  if op == "==" then return x == c.v end
  if op == "~=" then return x ~= c.v end
  if op == "&" then return band(u64(x), u64(c.m)) == band(u64(c.v), u64(c.m)) end
  if op == "in" then
    for _, v in ipairs(c.values) do if x == v then return true end end
    return false
  end
  local o = ucmp(x, c.v)
  if op == "<" then return o < 0 end
  if op == "<=" then return o <= 0 end
  if op == ">" then return o > 0 end
  return o >= 0
end

-- Why c cannot go into the filter, or nil.
local function uncompilable(c)
  if c.op == "fn" then return "a function condition on " .. c.name end
  if c.op == "str" then return "a string condition on " .. c.name end
  if c.width == 32 and c.op ~= "==" and c.op ~= "&" and c.op ~= "in" then
    return ("%s %s on an int-sized argument (%s)"):format(c.name, c.op,
      "the filter compares 64 bits, the kernel reads 32")
  end
  return nil
end

-- The filter form of one alternative of c: op code, a, b (libseccomp's
-- datum_a/datum_b), as Lua numbers or int64 cdata.
local FOP = { ["~="] = 1, ["<"] = 2, ["<="] = 3, ["=="] = 4, [">="] = 5, [">"] = 6, ["&"] = 7 }
local function filter_form(c, v)
  if c.width == 32 then
    if c.op == "&" then return FOP["&"], c.m % TWO32, band(tobit(c.v), tobit(c.m)) % TWO32 end
    return FOP["&"], 0xffffffff, v % TWO32 -- equality of the low 32 bits
  end
  if c.op == "&" then return FOP["&"], c.m, c.v end
  if c.op == "in" then return FOP["=="], v, 0 end
  return FOP[c.op], v, 0
end

-- ---- disjointness ------------------------------------------------------------
-- Two rules overlap unless some argument has conditions no value meets both.

-- The set of values an equality-like condition allows, as a list, or nil.
local function points(c)
  if c.op == "==" then return { c.v } end
  if c.op == "in" then return c.values end
  return nil
end

local function allows(c, v)
  -- whether a (numeric) value v can satisfy c; true when unsure
  if c.op == "fn" or c.op == "str" then return true end
  if c.width == 32 then
    if c.op == "==" or c.op == "in" or c.op == "&" then return holds(c, v, nil) end
    return true
  end
  return holds(c, v, nil)
end

local function disjoint_conds(a, b)
  if a.i ~= b.i or a.width ~= b.width then return false end
  local pa, pb = points(a), points(b)
  if pa then
    for _, v in ipairs(pa) do if allows(b, v) then return false end end
    return true
  end
  if pb then
    for _, v in ipairs(pb) do if allows(a, v) then return false end end
    return true
  end
  if a.op == "&" and b.op == "&" then
    local common = a.width == 32 and band(tobit(a.m), tobit(b.m)) or band(u64(a.m), u64(b.m))
    if a.width == 32 then
      return band(tobit(a.v), common) ~= band(tobit(b.v), common)
    end
    return band(u64(a.v), common) ~= band(u64(b.v), common)
  end
  if a.width == 64 and a.v and b.v and a.v >= 0 and b.v >= 0 then
    -- two ranges of non-negative values
    local function range(c)
      if c.op == "<" then return 0, c.v - 1 end
      if c.op == "<=" then return 0, c.v end
      if c.op == ">" then return c.v + 1, math.huge end
      if c.op == ">=" then return c.v, math.huge end
      return nil
    end
    local alo, ahi = range(a)
    local blo, bhi = range(b)
    if alo and blo then return ahi < blo or bhi < alo end
  end
  return false
end

local function disjoint(r1, r2)
  if r1.nr ~= r2.nr then return true end
  for _, a in ipairs(r1.conds) do
    for _, b in ipairs(r2.conds) do
      if disjoint_conds(a, b) then return true end
    end
  end
  return false
end

local function effect(r)
  return r.allow and "allow" or r.ret
end

-- ---- compiling --------------------------------------------------------------

local function effect_text(r) return r.allow and "allow" or ("ret " .. r.ret) end

-- Why rule r cannot go into the filter (nil: it can).  Earlier rules count.
-- Calls the guard must always see (src/guard.c): an allow rule in the
-- filter could let a CLONE_UNTRACED clone or a ptrace attach through.
local guarded = { clone = true, clone3 = true, ptrace = true }

local function why_not(r)
  if state.mode == "attach" then return "attached with -p: no seccomp filter" end
  if r.allow and r.spec and guarded[r.spec.name] then
    return "the guard stops every " .. r.spec.name .. " it must check"
  end
  if state.built then return "the filter is already built" end
  if not r.allow and (r.ret > 0 or r.ret < -4095) then
    return "ret " .. r.ret .. " is not 0 or -errno"
  end
  if r.when then return "a when function" end
  if r.every then return "every = " .. r.every .. " (counting)" end
  if r.times then return "times = " .. r.times .. " (counting)" end
  local alts = 1
  for _, c in ipairs(r.conds) do
    local why = uncompilable(c)
    if why then return why end
    if c.op == "in" then alts = alts * #c.values end
  end
  if alts > 16 then return "more than 16 filter rules for its { \"in\" } values" end
  local allows_before = 0
  for _, e in ipairs(by_nr[r.nr] or {}) do
    if e == r then break end
    if e.compiled and e.allow then allows_before = allows_before + 1 end
    if effect(e) ~= effect(r) and not disjoint(e, r) then
      return ("it overlaps rule #%d (%s) with another result"):format(e.index, effect_text(e))
    end
  end
  if r.allow and (allows_before > 0 or alts > 1) and not state.trace_all then
    return "one \"allow\" rule per syscall compiles (its complement is what stops)"
  end
  return nil
end

local C -- core.C, loaded when the filter is built

-- The filter rules of r: one per combination of { "in" } values.
local function emit(r)
  local n = #r.conds
  local idx = ffi.new("int[6]")
  local opv = ffi.new("int[6]")
  local a = ffi.new("int64_t[6]")
  local b = ffi.new("int64_t[6]")
  local action = r.allow and 0 or 1 -- FACT_ALLOW, FACT_ERRNO (src/filter.h)
  local function go(k)
    if k > n then
      local rc = C.ttl_filter_rule(r.nr, action, r.allow and 0 or -r.ret, n, idx, opv,
        ffi.cast("const uint64_t *", a), ffi.cast("const uint64_t *", b))
      if rc < 0 then error(("ttlua.rule #%d: the filter refused it (%d)"):format(r.index, rc), 0) end
      return
    end
    local c = r.conds[k]
    for _, v in ipairs(c.values or { c.v }) do
      local op, x, y = filter_form(c, v)
      idx[k - 1], opv[k - 1], a[k - 1], b[k - 1] = c.i - 1, op, x, y
      go(k + 1)
    end
  end
  go(1)
end

local function add(r)
  r.index = #rules + 1
  rules[#rules + 1] = r
  local list = by_nr[r.nr]
  if not list then
    list = {}
    by_nr[r.nr] = list
  end
  list[#list + 1] = r
  r.n = 0
end

-- ---- ttlua.rule ---------------------------------------------------------------

local keys = { ret = true, action = true, when = true, every = true, times = true }

local install -- below

function M.declare(t)
  if type(t) ~= "table" then error("ttlua.rule: expected a table", 2) end
  if not state.loading then
    error("ttlua.rule: rules must be declared while the policy loads", 2)
  end
  local name = t[1]
  local spec = type(name) == "string" and sys().by_name[name]
  if not spec then
    error(("ttlua.rule: %s is not a syscall name"):format(tostring(name)), 2)
  end
  local r = { nr = spec.nr, spec = spec, conds = {}, when = t.when, every = t.every,
    times = t.times }
  if t.action == "allow" then
    if t.ret ~= nil then error("ttlua.rule: give either ret or action = \"allow\"", 2) end
    r.allow = true
  elseif t.action ~= nil and t.action ~= "errno" then
    error(("ttlua.rule: unknown action %q (\"allow\", or ret = N)"):format(tostring(t.action)), 2)
  else
    if type(t.ret) ~= "number" or t.ret % 1 ~= 0 then
      error("ttlua.rule: a rule needs ret = <integer> (e.g. -E.EACCES) or action = \"allow\"", 2)
    end
    r.ret = t.ret
  end
  for _, k in ipairs({ "every", "times" }) do
    if t[k] ~= nil and (type(t[k]) ~= "number" or t[k] < 1 or t[k] % 1 ~= 0) then
      error(("ttlua.rule: %s must be a positive integer"):format(k), 2)
    end
  end
  if t.when ~= nil and type(t.when) ~= "function" then
    error("ttlua.rule: when must be a function(call)", 2)
  end
  for k, v in pairs(t) do
    if k ~= 1 and not keys[k] then
      if type(k) ~= "string" or not spec.argi[k] then
        local names = {}
        for _, a in ipairs(spec.args) do names[#names + 1] = a.name end
        error(("ttlua.rule: %s has no argument %s (its arguments: %s)"):format(
          spec.name, tostring(k), #names > 0 and table.concat(names, ", ") or "none"), 2)
      end
      local ok, c = pcall(condition, spec, k, v)
      if not ok then error(c, 2) end
      r.conds[#r.conds + 1] = c
    end
  end
  table.sort(r.conds, function(x, y) return x.i < y.i end)
  add(r)
  install()
  return r
end

-- Does rule r decide this call?  (Counts calls for every/times.)
local function matches(r, call)
  local args = call._args
  for _, c in ipairs(r.conds) do
    if not holds(c, args[c.i], call) then return false end
  end
  if r.when and not r.when(call) then return false end
  if r.every or r.times then
    r.n = r.n + 1
    if r.times and r.n > r.times then return false end
    if r.every and r.n % r.every ~= 0 then return false end
  end
  return true
end

-- The handler for a syscall with rules: the rules in order, then the
-- policy's own handler (or its default handler).
local function handler_for(list, inner)
  return function(call)
    for _, r in ipairs(list) do
      if matches(r, call) then
        r.hits = (r.hits or 0) + 1
        if r.allow then return nil end
        return r.ret
      end
    end
    if inner then return inner(call) end
  end
end

-- ---- rules.compile (for other modules) ----------------------------------------

local function compile(t)
  local nr = t.nr
  if type(nr) ~= "number" then return false, "rules.compile: nr must be a syscall number" end
  local spec = sys().by_nr[nr]
  local r = { nr = nr, spec = spec, conds = {}, external = true }
  if t.allow then
    r.allow = true
  elseif type(t.errno) == "number" and t.errno >= 0 and t.errno <= 4095 and t.errno % 1 == 0 then
    r.ret = -t.errno
  else
    return false, "rules.compile: give errno = 0..4095 or allow = true"
  end
  for _, a in ipairs(t.args or {}) do
    local i, op, v, m = a[1], a[2], a[3], a[4]
    if type(i) ~= "number" or i < 1 or i > 6 or not FOP[op == "!=" and "~=" or op] then
      return false, "rules.compile: an argument test is { index 1..6, op, value [, mask] }"
    end
    local arg = spec and spec.args[i]
    local c = { i = i, name = arg and arg.name or ("a" .. i), op = op == "!=" and "~=" or op,
      width = a.width or (arg and width_of(arg)) or 64 }
    if c.width ~= 32 then c.width = 64 end
    if op == "&" then c.m, c.v = m or v, v else c.v = v end
    r.conds[#r.conds + 1] = c
  end
  table.sort(r.conds, function(x, y) return x.i < y.i end)
  for k = 2, #r.conds do
    if r.conds[k].i == r.conds[k - 1].i then
      return false, "rules.compile: one test per argument (libseccomp)"
    end
  end
  add(r)
  local why = why_not(r)
  r.compiled = not why
  r.reason = why
  return r.compiled, why
end

-- ---- wiring into the engine ----------------------------------------------------

local installed = false
function install()
  if installed then return end
  installed = true
  local engine = require "ttlua.engine"
  -- After the policy loaded: decide what compiles, wrap handlers for the rest.
  table.insert(engine.policy_hooks, function(handlers)
    local opts = engine.opts or {}
    state.loading = false
    state.mode = (opts.pids and #opts.pids > 0) and "attach" or "filter"
    state.trace_all = handlers.default ~= nil
    local need = {} -- nr -> true: a handler must see its calls
    for _, r in ipairs(rules) do
      if not r.external then
        local why = why_not(r)
        r.compiled = not why
        r.reason = why
        if why then need[r.nr] = true end
      end
    end
    for nr, list in pairs(by_nr) do
      local spec = sys().by_nr[nr]
      if spec and (need[nr] or state.mode == "attach") then
        local own = {}
        for _, r in ipairs(list) do if not r.external then own[#own + 1] = r end end
        if #own > 0 then
          local inner = handlers[spec.name] or handlers.default
          local h = handler_for(own, inner)
          -- no coroutine needed when nothing in it can wait
          local simple = not inner or require("ttlua")._direct[inner] or engine.never_calls(inner)
          for _, r in ipairs(own) do
            if r.when then simple = false end
            for _, c in ipairs(r.conds) do if c.op == "fn" then simple = false end end
          end
          if simple then require("ttlua").direct(h) end
          handlers[spec.name] = h
        end
      end
    end
    return true
  end)
  table.insert(engine.filter_hooks, function()
    if state.mode ~= "filter" then return end
    C = require("ttlua.core").C
    for _, r in ipairs(rules) do
      if r.compiled then emit(r) end
    end
    state.built = true
  end)
end

function M.compile(t)
  install() -- a module may compile before any ttlua.rule
  return compile(t)
end

-- ---- reporting ---------------------------------------------------------------------

function M.counts()
  local compiled, handled = 0, 0
  for _, r in ipairs(rules) do
    if r.compiled then compiled = compiled + 1 elseif not r.external then handled = handled + 1 end
  end
  return compiled, handled
end

-- One line per rule: where it runs and, for a handler, why.
function M.explain()
  local out = {}
  for _, r in ipairs(rules) do
    out[#out + 1] = ("rule #%d %s %s: %s"):format(r.index, r.spec and r.spec.name or r.nr,
      effect_text(r), r.compiled and "in the filter" or ("handler (" .. tostring(r.reason) .. ")"))
  end
  return out
end

local stats = require "ttlua.stats"
stats.sources[#stats.sources + 1] = function()
  if #rules == 0 then return nil end
  return "compiled rules", (M.counts())
end
stats.sources[#stats.sources + 1] = function()
  if #rules == 0 then return nil end
  return "handler rules", select(2, M.counts())
end

return M
