-- Shared helpers for the busted specs: run ttlua on a command with a
-- policy, capture stdout, stderr and the exit status, and read back what
-- the policy recorded.
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path

local H = {}

H.root = os.getenv("PWD") or "."
-- TTLUA_BIN: another build of ttlua to test (make asan)
H.ttlua = os.getenv("TTLUA_BIN") or H.root .. "/ttlua"
H.progs = H.root .. "/build/progs"

local tmpdir
function H.tmpdir()
  if not tmpdir then
    local p = io.popen("mktemp -d /tmp/ttlua-test.XXXXXX")
    tmpdir = p:read("*l")
    p:close()
  end
  return tmpdir
end

local counter = 0
function H.tmpname(suffix)
  counter = counter + 1
  return ("%s/f%d%s"):format(H.tmpdir(), counter, suffix or "")
end

function H.readfile(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

function H.writefile(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
  return path
end

-- Shell-quote one word.
function H.q(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

-- Run a shell command line; returns { out, err, status }.
-- opts.stdin: text fed to stdin; opts.timeout: seconds (default 60);
-- opts.pipe: the command's stdout is a pipe.
function H.sh(cmdline, opts)
  opts = opts or {}
  local out, err, rc = H.tmpname(".out"), H.tmpname(".err"), H.tmpname(".rc")
  local input = "/dev/null"
  if opts.stdin then input = H.writefile(H.tmpname(".in"), opts.stdin) end
  if opts.pipe then
    -- stdout through a pipe; the status stays the command's
    cmdline = "set -o pipefail; " .. cmdline .. " | cat"
  end
  local full = ("timeout -k 5 %d bash -c %s <%s >%s 2>%s; echo $? >%s"):format(
    opts.timeout or 60, H.q(cmdline), input, out, err, rc)
  os.execute(full)
  return {
    out = H.readfile(out) or "",
    err = H.readfile(err) or "",
    status = tonumber((H.readfile(rc) or ""):match("%d+")),
  }
end

-- Run ttlua.  args: a list of words (already split); returns as H.sh.
function H.run(args, opts)
  local words = { H.q(H.ttlua) }
  for _, a in ipairs(args) do words[#words + 1] = H.q(a) end
  return H.sh(table.concat(words, " "), opts)
end

-- Write a policy to a temp file and return its path.  The policy may use
-- RECORD(...) to append a Lua value line to a record file, read back with
-- H.records(path).
function H.policy(src)
  local rec = H.tmpname(".rec")
  local prelude = ([[
local __rec = io.open(%q, "a")
__rec:setvbuf("line")
local function RECORD(...)
  local parts = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    parts[i] = type(v) == "string" and (string.format("%%q", v):gsub("\\\n", "\\n")) or tostring(v)
  end
  __rec:write("{", table.concat(parts, ","), "}\n")
end
]]):format(rec)
  local path = H.writefile(H.tmpname(".lua"), prelude .. src)
  return path, rec
end

-- The records a policy wrote: a list of lists.
function H.records(rec)
  local out = {}
  for line in (H.readfile(rec) or ""):gmatch("[^\n]+") do
    out[#out + 1] = assert(loadstring("return " .. line))()
  end
  return out
end

-- Lines of text.
function H.lines(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

-- Count lines matching a Lua pattern.
function H.count(s, pat)
  local n = 0
  for l in s:gmatch("[^\n]+") do
    if l:find(pat) then n = n + 1 end
  end
  return n
end

-- Digits no other test run on this machine uses right now (for markers in
-- command lines: several suites may run at once).
local self_pid = tonumber((H.readfile("/proc/self/stat") or "0"):match("^%d+"))
local unique_n = 0
function H.unique()
  unique_n = unique_n + 1
  return ("%d%04d"):format(self_pid, unique_n)
end

-- A "sleep N" command unique to this call, and its marker for H.leftovers.
function H.unique_sleep()
  local secs = "300." .. H.unique()
  return { "sleep", secs }, "sleep " .. secs
end

-- Processes whose command line contains marker (to check nothing is left).
function H.leftovers(marker)
  -- "[x]yz" matches "xyz" but not the pgrep command line itself
  local pat = "[" .. marker:sub(1, 1) .. "]" .. marker:sub(2):gsub("%.", "\\.")
  local p = io.popen("pgrep -f " .. H.q(pat) .. " 2>/dev/null")
  local s = p:read("*a")
  p:close()
  return s
end

return H
