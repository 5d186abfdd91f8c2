-- ttlua.glob: shell-style patterns for paths, as fault-injection rules use
-- them (path=GLOB, fdpath=GLOB).
--   glob.compile(pattern) -> match(path) -> true/false, or nil, "error"
--   glob.normalize(path)  -> the path with "//", "/./" and "x/.." folded
--
-- The pattern language:
--   *        any run of characters except "/"
--   **       any run of characters, "/" included ("/a/**/b" also matches "/a/b")
--   ?        one character except "/"
--   [abc] [a-z] [!a] [^a]   one character of (not of) a set; a "[" with no
--            closing "]" is an ordinary character
--   \c       the character c itself
-- Which part of the path a pattern is matched against:
--   "/..."   a pattern starting with "/" matches the whole path (both
--            with "//", "/./" and "x/.." folded);
--   "a/b*"   a pattern with a "/" elsewhere matches the path's tail after
--            any "/" (as if it started with "**/");
--   "*.db"   a pattern without "/" matches the last component (basename).
-- Other texts (what /proc/PID/fd shows for pipes and sockets, such as
-- "socket:[1234]") are matched whole when the pattern has no "/".
local M = {}

-- Pattern -> list of tokens: { "lit", s } { "star" } { "any" } { "one" }
-- { "set", negate, { {lo, hi}, ... } }.
local function tokenize(p)
  local toks, lit = {}, {}
  local function flush()
    if #lit > 0 then
      toks[#toks + 1] = { "lit", table.concat(lit) }
      lit = {}
    end
  end
  local i, n = 1, #p
  while i <= n do
    local c = p:sub(i, i)
    if c == "\\" and i < n then
      lit[#lit + 1] = p:sub(i + 1, i + 1)
      i = i + 2
    elseif c == "*" then
      flush()
      if p:sub(i + 1, i + 1) == "*" then
        -- "/**/" may match a single "/": the slash after ** is optional
        toks[#toks + 1] = { "any" }
        i = i + 2
        if p:sub(i, i) == "/" and (i == 3 or p:sub(i - 3, i - 3) == "/") then
          toks[#toks].slash = true
          i = i + 1
        end
      else
        toks[#toks + 1] = { "star" }
        i = i + 1
      end
    elseif c == "?" then
      flush()
      toks[#toks + 1] = { "one" }
      i = i + 1
    elseif c == "[" then
      -- find the closing bracket; "]" right after "[" or "[!" is literal
      local j = i + 1
      local negate = false
      local ch = p:sub(j, j)
      if ch == "!" or ch == "^" then
        negate = true
        j = j + 1
      end
      local start = j
      if p:sub(j, j) == "]" then j = j + 1 end
      while j <= n and p:sub(j, j) ~= "]" do
        if p:sub(j, j) == "\\" then j = j + 1 end
        j = j + 1
      end
      if j > n then
        lit[#lit + 1] = c -- no closing bracket: an ordinary "["
        i = i + 1
      else
        flush()
        local ranges = {}
        local k = start
        while k < j do
          local lo = p:sub(k, k)
          if lo == "\\" then
            k = k + 1
            lo = p:sub(k, k)
          end
          if p:sub(k + 1, k + 1) == "-" and k + 2 < j then
            local hi = p:sub(k + 2, k + 2)
            if hi == "\\" then
              hi = p:sub(k + 3, k + 3)
              k = k + 1
            end
            ranges[#ranges + 1] = { lo:byte(), hi:byte() }
            k = k + 3
          else
            ranges[#ranges + 1] = { lo:byte(), lo:byte() }
            k = k + 1
          end
        end
        toks[#toks + 1] = { "set", negate, ranges }
        i = j + 1
      end
    else
      lit[#lit + 1] = c
      i = i + 1
    end
  end
  flush()
  return toks
end

local function in_set(tok, b)
  local hit = false
  for _, r in ipairs(tok[3]) do
    if b >= r[1] and b <= r[2] then
      hit = true
      break
    end
  end
  if tok[2] then return not hit and b ~= 47 end -- a negated set never matches "/"
  return hit
end

-- Backtracking match of toks[ti..] against s[si..], memoised on (ti, si).
local function match(toks, s)
  local memo = {}
  local n = #s
  local function m(ti, si)
    local key = ti * (n + 2) + si
    local v = memo[key]
    if v ~= nil then return v end
    local tok = toks[ti]
    local r
    if not tok then
      r = si == n + 1
    elseif tok[1] == "lit" then
      local lit = tok[2]
      r = s:sub(si, si + #lit - 1) == lit and m(ti + 1, si + #lit)
    elseif tok[1] == "one" then
      r = si <= n and s:byte(si) ~= 47 and m(ti + 1, si + 1)
    elseif tok[1] == "set" then
      r = si <= n and in_set(tok, s:byte(si)) and m(ti + 1, si + 1)
    elseif tok[1] == "star" then
      r = false
      local j = si
      while true do
        if m(ti + 1, j) then
          r = true
          break
        end
        if j > n or s:byte(j) == 47 then break end
        j = j + 1
      end
    else -- "any": anything; with .slash, "**/" also matches nothing
      r = false
      for j = si, n + 1 do
        if tok.slash then
          -- either zero components, or any text ending in "/"
          if (j == si or s:byte(j - 1) == 47) and m(ti + 1, j) then
            r = true
            break
          end
        elseif m(ti + 1, j) then
          r = true
          break
        end
      end
    end
    memo[key] = r
    return r
  end
  return m(1, 1)
end

-- Fold "//", "/./" and "dir/.." without touching the file system.
function M.normalize(path)
  local abs = path:sub(1, 1) == "/"
  local parts = {}
  for comp in path:gmatch("[^/]+") do
    if comp == ".." then
      if #parts > 0 and parts[#parts] ~= ".." then
        parts[#parts] = nil
      elseif not abs then
        parts[#parts + 1] = ".."
      end
    elseif comp ~= "." then
      parts[#parts + 1] = comp
    end
  end
  local s = table.concat(parts, "/")
  if abs then return "/" .. s end
  return s == "" and "." or s
end

function M.compile(pattern)
  if type(pattern) ~= "string" or pattern == "" then
    return nil, "a glob must be a non-empty string"
  end
  local mode
  if pattern:sub(1, 1) == "/" then
    mode = "whole"
    pattern = M.normalize(pattern) -- paths are matched normalized
  elseif pattern:find("/", 1, true) then
    mode = "tail"
    pattern = "**/" .. pattern
  else
    mode = "base"
  end
  local toks = tokenize(pattern)
  return function(path)
    if type(path) ~= "string" then return false end
    if mode == "base" then
      if path:sub(1, 1) == "/" then
        local base = path:match("([^/]*)/*$")
        if base == "" then base = "/" end
        return match(toks, base)
      end
      return match(toks, path)
    elseif mode == "tail" then
      return match(toks, path)
    end
    return match(toks, path)
  end
end

return M
