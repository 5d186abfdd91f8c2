-- Golden-line checks for the decoders (used by tests/decode_*_spec.lua).
-- A golden program (tests/progs/golden_*.c) prints on stdout the exact
-- lines strace prints for the calls it made.  check(prog, args) runs it
-- under ttlua (and, when strace 6.1 is installed, under strace too) and
-- reports the expected lines the log lacks or has out of order (per thread).
--
-- Logs are normalised the same way for both tracers: the pid column is
-- dropped, "<unfinished ...>" / "<... resumed>" halves are joined, and the
-- padding before " = " is collapsed to one space.
--
-- Run by hand: luajit tests/decode_golden.lua build/progs/golden_files DIR
package.path = "./lua/?.lua;./lua/?/init.lua;./?.lua;" .. package.path
local H = require "tests.helper"

local G = {}

local function collapse(text)
  local left, right = text:match("^(.*%)) +(= .*)$")
  if left then return left .. " " .. right end
  return text
end
G.collapse = collapse

-- Lines of a -o log (with or without a pid column), halves joined; the
-- list's field tid holds each line's thread id ("0" without a pid column).
function G.normalise(log)
  local out, tids, pending = {}, {}, {}
  for line in log:gmatch("[^\n]+") do
    local tid, rest = line:match("^(%d+) +(.*)$")
    if not tid then tid, rest = "0", line end
    local head = rest:match("^(.-) <unfinished %.%.%.>$")
    local name, tail = rest:match("^<%.%.%. ([%w_]+) resumed>(.*)$")
    if head then
      out[#out + 1] = head
      tids[#out] = tid
      pending[tid] = #out
    elseif name and pending[tid] then
      local i = pending[tid]
      out[i] = collapse(out[i] .. tail)
      pending[tid] = nil
    else
      out[#out + 1] = collapse(rest)
      tids[#out] = tid
    end
  end
  out.tid = tids
  return out
end

-- Expected lines missing from got (each log line answers one expected
-- line; order is checked separately by G.misordered):
-- a list of { want = line, near = the first line of the same call or nil }.
function G.missing(expected, got)
  local count = {}
  for _, l in ipairs(got) do count[l] = (count[l] or 0) + 1 end
  local miss = {}
  for _, want in ipairs(expected) do
    if (count[want] or 0) > 0 then
      count[want] = count[want] - 1
    else
      local name = want:match("^([%w_]+)%(")
      local near
      for _, l in ipairs(got) do
        if name and l:match("^([%w_]+)%(") == name and (count[l] or 0) > 0 then near = l; break end
      end
      miss[#miss + 1] = { want = want, near = near }
    end
  end
  return miss
end

-- Expected lines found out of order: the expected lines one thread made
-- must appear in that thread's log in the order they were expected (lines
-- of different threads and processes may interleave freely).  Each
-- expected line takes the first unused log line with its text that comes
-- after the last line matched in the same thread; when only earlier ones
-- are left it is out of order.  Returns a list of { want = line, after =
-- the log line it should have followed }; missing lines are not counted.
function G.misordered(expected, got)
  local tids = got.tid or {}
  local at = {}
  for i, l in ipairs(got) do
    local t = at[l]
    if not t then t = {}; at[l] = t end
    t[#t + 1] = i
  end
  local used, last, bad = {}, {}, {}
  for _, want in ipairs(expected) do
    local first, pick
    for _, i in ipairs(at[want] or {}) do
      if not used[i] then
        first = first or i
        if i > (last[tids[i] or "0"] or 0) then pick = i; break end
      end
    end
    if pick then
      used[pick] = true
      last[tids[pick] or "0"] = pick
    elseif first then
      used[first] = true
      bad[#bad + 1] = { want = want, after = got[last[tids[first] or "0"]] }
    end
  end
  return bad
end

local strace_ok
function G.have_strace()
  if strace_ok == nil then
    local r = H.sh("strace -V")
    strace_ok = r.status == 0 and r.out:find("version 6%.1") ~= nil
  end
  return strace_ok
end

-- Run prog (a path) with args under tracer ("ttlua" or "strace"); returns
-- the expected lines (the program's stdout), the normalised log, status.
function G.run(tracer, prog, args, opts)
  opts = opts or {}
  local log = H.tmpname(".log")
  local words = {}
  for i, a in ipairs(args or {}) do words[i] = H.q(a) end
  local cmd
  if tracer == "strace" then
    cmd = "strace -f -o " .. H.q(log) .. " " .. H.q(prog)
  else
    cmd = H.q(H.ttlua) .. " -o " .. H.q(log) .. " -- " .. H.q(prog)
  end
  cmd = cmd .. " " .. table.concat(words, " ")
  if opts.setarch then cmd = "setarch -R " .. cmd end
  local r = H.sh(cmd, { stdin = opts.stdin, timeout = opts.timeout or 60 })
  local expected = {}
  for l in r.out:gmatch("[^\n]+") do expected[#expected + 1] = l end
  return expected, G.normalise(H.readfile(log) or ""), r
end

-- The report for one tracer: nil when every expected line is there.
function G.check(tracer, prog, args, opts)
  local expected, got, r = G.run(tracer, prog, args, opts)
  if #expected == 0 then
    return ("%s: %s printed no expected lines (status %s): %s"):format(tracer, prog,
      tostring(r.status), r.err)
  end
  local miss = G.missing(expected, got)
  local order = G.misordered(expected, got)
  if #miss == 0 and #order == 0 then return nil, #expected end
  local out = {}
  if #miss > 0 then
    out[#out + 1] = ("%s: %d of %d expected lines missing"):format(tracer, #miss, #expected)
    for _, m in ipairs(miss) do
      out[#out + 1] = "  want: " .. m.want
      out[#out + 1] = "  near: " .. tostring(m.near)
    end
  end
  if #order > 0 then
    out[#out + 1] = ("%s: %d of %d expected lines out of order"):format(tracer, #order, #expected)
    for _, m in ipairs(order) do
      out[#out + 1] = "  line:  " .. m.want
      out[#out + 1] = "  after: " .. tostring(m.after)
    end
  end
  return table.concat(out, "\n"), #expected
end

-- A fresh empty directory.
function G.dir()
  local d = H.tmpname(".d")
  os.execute("rm -rf " .. H.q(d) .. " && mkdir -p " .. H.q(d))
  return d
end

if arg and arg[0] and arg[0]:match("decode_golden%.lua$") and arg[1] then
  local prog = arg[1]
  local args = {}
  for i = 2, #arg do args[#args + 1] = arg[i] end
  for _, tracer in ipairs({ "strace", "ttlua" }) do
    if tracer == "ttlua" or G.have_strace() then
      local a = {}
      for i, v in ipairs(args) do a[i] = v == "DIR" and G.dir() or v end
      local rep, n = G.check(tracer, prog, a)
      print(rep or (tracer .. ": all " .. tostring(n) .. " lines"))
    end
  end
end

return G
