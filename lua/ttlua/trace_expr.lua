-- ttlua.trace_expr: strace's -e expressions.
--   -e trace=SET      which calls passthru logs (and the seccomp filter stops on)
--   -e signal=SET     which signals are printed as "--- SIG... ---" lines
--   -e status=SET     which calls are printed, by how they ended
--   -e quiet=SET      which "+++ ... +++" lines are left out
--   -e decode-fds=SET what -y prints behind an fd (path, socket, dev)
--   -e inject=..., -e fault=...   passed through untouched (fault injection)
--   -e SET            short for -e trace=SET
-- A syscall SET is a comma-separated list of names, numbers, %classes (or
-- the legacy bare class names), /regex (POSIX extended, matched anywhere in
-- the name), `all` and `none`; each leading `!` inverts the set; a leading
-- `?` on an element makes it optional (no error when nothing matches); a
-- `@64` suffix names the x86_64 personality (the only one ttlua decodes).
-- The last -e trace= wins, as in strace.
local ffi = require "ffi"

local M = {}

-- strace's class names -> the class tags of lua/ttlua/syscalls/x86_64.lua.
M.classes = {
  ["%desc"] = "desc", ["%file"] = "file", ["%memory"] = "memory", ["%process"] = "process",
  ["%creds"] = "creds", ["%signal"] = "signal", ["%ipc"] = "ipc", ["%net"] = "net",
  ["%network"] = "net", ["%stat"] = "stat", ["%lstat"] = "lstat", ["%fstat"] = "fstat",
  ["%%stat"] = "stat_like", ["%statfs"] = "statfs", ["%fstatfs"] = "fstatfs",
  ["%%statfs"] = "statfs_like", ["%pure"] = "pure", ["%clock"] = "clock",
  -- legacy names strace still accepts
  desc = "desc", file = "file", memory = "memory", process = "process", signal = "signal",
  ipc = "ipc", network = "net",
}

-- ---- POSIX regular expressions through libc --------------------------------

ffi.cdef [[
int regcomp(void *preg, const char *regex, int cflags);
int regexec(const void *preg, const char *string, size_t nmatch, void *pmatch, int eflags);
size_t regerror(int errcode, const void *preg, char *errbuf, size_t errbuf_size);
void regfree(void *preg);
]]
local REG_EXTENDED, REG_NOSUB = 1, 8
local REGEX_T_SIZE = 256 -- glibc's regex_t is 64 bytes on x86_64; leave room

-- A matcher for a POSIX extended regex, or nil, message.
local function regex(pattern)
  local preg = ffi.new("uint8_t[?]", REGEX_T_SIZE)
  local rc = ffi.C.regcomp(preg, pattern, REG_EXTENDED + REG_NOSUB)
  if rc ~= 0 then
    local buf = ffi.new("char[256]")
    ffi.C.regerror(rc, preg, buf, 256)
    return nil, ffi.string(buf)
  end
  ffi.gc(preg, ffi.C.regfree)
  return function(s) return ffi.C.regexec(preg, s, 0, nil, 0) == 0 end
end
M.regex = regex

-- ---- syscall sets ---------------------------------------------------------------

local function suggest(word, candidates)
  local ok, policy = pcall(require, "ttlua.policy")
  if not ok or not policy.suggest then return "" end
  return policy.suggest(word, candidates)
end

local function class_names()
  local known = {}
  for k in pairs(M.classes) do
    if k:sub(1, 1) == "%" then known[k] = true end
  end
  return known
end

-- Add to `set` the calls of `sys` one element names; returns whether it
-- named any, or nil, message for a malformed element.
local function add_element(set, sys, tok)
  local name, pers = tok:match("^(.-)@([%w]+)$")
  if name then
    if pers ~= "64" then
      return nil, ("personality @%s in %q: ttlua decodes x86_64 calls only (@64)"):format(pers, tok)
    end
    tok = name
  end
  if tok:match("^%d+$") then
    local spec = sys.by_nr[tonumber(tok)]
    if spec then set[spec.name] = true end
    return spec ~= nil
  end
  if tok:sub(1, 1) == "/" then
    local match, err = regex(tok:sub(2))
    if not match then return nil, ("bad regular expression %q: %s"):format(tok:sub(2), err) end
    local found = false
    for _, spec in ipairs(sys.list) do
      if match(spec.name) then
        set[spec.name] = true
        found = true
      end
    end
    return found
  end
  if tok == "all" then
    for _, spec in ipairs(sys.list) do set[spec.name] = true end
    return true
  end
  local class = M.classes[tok]
  if class then
    for _, spec in ipairs(sys.list) do
      if spec.classes[class] then set[spec.name] = true end
    end
    return true
  end
  if sys.by_name[tok] then
    set[tok] = true
    return true
  end
  return false
end

-- Parse a syscall SET.  Returns a table name -> true (x86_64 names), or
-- nil and a one-line message.
function M.syscall_set(str, sys)
  local s, invert = str, false
  while s:sub(1, 1) == "!" do
    invert = not invert
    s = s:sub(2)
  end
  local set = {}
  if s == "all" then
    invert = not invert
  elseif s ~= "none" then
    local any = false
    for tok in s:gmatch("[^,]+") do
      local optional = false
      while tok:sub(1, 1) == "?" do
        optional = true
        tok = tok:sub(2)
      end
      local found, err = add_element(set, sys, tok)
      if found == nil then return nil, err end
      if not found and not optional then
        local hint
        if tok:sub(1, 1) == "%" then
          return nil, ("invalid system call class '%s'%s"):format(tok, suggest(tok, class_names()))
        elseif tok:sub(1, 1) == "/" or tok:match("^%d+$") then
          hint = ""
        else
          hint = suggest(tok, sys.by_name)
        end
        return nil, ("invalid system call '%s'%s"):format(tok, hint)
      end
      any = true
    end
    if not any then return nil, ("invalid system call '%s'"):format(str) end
  end
  if invert then
    local all = {}
    for _, spec in ipairs(sys.list) do
      if not set[spec.name] then all[spec.name] = true end
    end
    set = all
  end
  return set
end

-- ---- other qualifiers --------------------------------------------------------------

-- A SET of words or numbers: returns { [value] = true }, or nil, message.
-- lookup(token) -> value or nil.  `universe` lists every value (for !/all).
local function token_set(str, what, lookup, universe)
  local s, invert = str, false
  while s:sub(1, 1) == "!" do
    invert = not invert
    s = s:sub(2)
  end
  local set = {}
  if s == "all" then
    invert = not invert
  elseif s ~= "none" then
    local any = false
    for tok in s:gmatch("[^,]+") do
      local v = lookup(tok)
      if v == nil then return nil, ("invalid %s '%s'"):format(what, tok) end
      set[v] = true
      any = true
    end
    if not any then return nil, ("invalid %s '%s'"):format(what, str) end
  end
  if invert then
    local all = {}
    for _, v in ipairs(universe) do
      if not set[v] then all[v] = true end
    end
    set = all
  end
  return set
end
M.token_set = token_set

-- Signal numbers by name (with or without SIG, any case) or number.
local function signal_lookup(tok)
  local n = tonumber(tok)
  if n then return (n >= 1 and n <= 64 and n % 1 == 0) and n or nil end
  local types = require "ttlua.types"
  local want = tok:upper():gsub("^SIG", "")
  for i = 1, 64 do
    local name = types.signame(i)
    if name:gsub("^SIG", "") == want then return i end
  end
  return nil
end

local function range(a, b)
  local t = {}
  for i = a, b do t[#t + 1] = i end
  return t
end

local function word_lookup(words)
  return function(tok)
    return words[tok]
  end
end

local statuses = { "successful", "failed", "unfinished", "unavailable", "detached" }
local status_words = {}
for _, w in ipairs(statuses) do status_words[w] = w end

local quiet_words = {
  attach = "attach", exit = "exit", exits = "exit", ["path-resolution"] = "path-resolution",
  personality = "personality", superseded = "superseded", ["thread-execve"] = "superseded",
}
local quiet_all = { "attach", "exit", "path-resolution", "personality", "superseded" }

local fd_words = { path = "path", socket = "socket", dev = "dev", pidfd = "pidfd" }
local fd_all = { "path", "socket", "dev", "pidfd" }

-- Qualifier names strace knows -> what ttlua does with them.
local qualifiers = {
  trace = "trace", t = "trace",
  signal = "signal", signals = "signal", s = "signal",
  status = "status",
  quiet = "quiet", silent = "quiet", silence = "quiet", q = "quiet",
  ["decode-fds"] = "decode_fds", ["decode-fd"] = "decode_fds",
  inject = "pass", fault = "pass",
}
-- Known to strace but not (yet) to ttlua: a clear message, not "unknown".
local unsupported = {
  abbrev = true, a = true, verbose = true, v = true, raw = true, x = true,
  read = true, reads = true, r = true, write = true, writes = true, w = true,
  kvm = true, ["decode-pid"] = true, ["decode-pids"] = true, secontext = true,
}

-- Parse every -e value.  Returns
--   { trace = set|nil, signal = set|nil, status = set|nil, quiet = set|nil,
--     decode_fds = set|nil, pass = { "inject=...", ... } }
-- or nil and a one-line message.
function M.parse(exprs, sys)
  local q = { pass = {} }
  for _, e in ipairs(exprs or {}) do
    local name, value = e:match("^([%w-]+)=(.*)$")
    local kind = name and qualifiers[name]
    if name and not kind then
      if unsupported[name] then
        return nil, ("-e %s=: this strace qualifier is not supported by ttlua"):format(name)
      end
      return nil, ("-e %s: unknown qualifier '%s' (known: trace, signal, status, quiet, "
        .. "decode-fds, inject, fault)"):format(e, name)
    end
    if not name then kind, value = "trace", e end
    local set, err
    if kind == "pass" then
      q.pass[#q.pass + 1] = e
    elseif kind == "trace" then
      set, err = M.syscall_set(value, sys)
      q.trace = set
    elseif kind == "signal" then
      set, err = token_set(value, "signal", signal_lookup, range(1, 64))
      q.signal = set
    elseif kind == "status" then
      set, err = token_set(value, "status", word_lookup(status_words), statuses)
      q.status = set
    elseif kind == "quiet" then
      set, err = token_set(value, "quiet", word_lookup(quiet_words), quiet_all)
      q.quiet = set
    elseif kind == "decode_fds" then
      set, err = token_set(value, "decode-fds", word_lookup(fd_words), fd_all)
      q.decode_fds = set
    end
    if err then return nil, "-e " .. e .. ": " .. err end
  end
  return q
end

-- The specs of a set, in syscall-number order.
function M.specs(set, sys)
  local out = {}
  for _, spec in ipairs(sys.list) do
    if set[spec.name] then out[#out + 1] = spec end
  end
  return out
end

return M
