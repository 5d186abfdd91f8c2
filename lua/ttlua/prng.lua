-- ttlua.prng: a small reproducible pseudo-random generator (SplitMix64)
-- for fault injection: the same seed gives the same sequence on every run
-- and every machine, unlike math.random.
--   local g = prng.new(seed)   seed: integer, decimal string or any string
--   g:random()                 a float in [0, 1)
--   g:below(n)                 an integer in [0, n)
--   g:pick(list)               one element of a list
--   g:next64()                 the next raw 64-bit value (uint64_t cdata)
--   prng.hash(...)             64-bit hash of numbers and strings (FNV-1a)
--   prng.seed_value(v)         v as a uint64_t, or nil, "error"
--   prng.fresh_seed()          an unpredictable seed (a plain integer)
local ffi = require "ffi"
local bit = require "bit"

local M = {}

local U64 = ffi.typeof("uint64_t")
local GOLDEN = U64(0x9E3779B9) * U64(0x100000000) + U64(0x7F4A7C15) -- 0x9E3779B97F4A7C15
local MIX1 = U64(0xBF58476D) * U64(0x100000000) + U64(0x1CE4E5B9)   -- 0xBF58476D1CE4E5B9
local MIX2 = U64(0x94D049BB) * U64(0x100000000) + U64(0x133111EB)   -- 0x94D049BB133111EB
local FNV_OFFSET = U64(0xCBF29CE4) * U64(0x100000000) + U64(0x84222325)
local FNV_PRIME = U64(0x100000001B3)
local bxor, rshift = bit.bxor, bit.rshift

local function mix(z)
  z = (bxor(z, rshift(z, 30))) * MIX1
  z = (bxor(z, rshift(z, 27))) * MIX2
  return bxor(z, rshift(z, 31))
end
M.mix = mix

local G = {}
G.__index = G

function G:next64()
  self.state = self.state + GOLDEN
  return mix(self.state)
end

local TWO_M53 = 2 ^ -53
function G:random()
  return tonumber(rshift(self:next64(), 11)) * TWO_M53
end

function G:below(n)
  return math.floor(self:random() * n)
end

function G:pick(list)
  return list[self:below(#list) + 1]
end

-- FNV-1a over the bytes of each value (numbers as decimal text), with a
-- separator so ("ab", "c") and ("a", "bc") differ.
function M.hash(...)
  local h = FNV_OFFSET
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    local s = type(v) == "cdata" and tostring(v) or tostring(v)
    for j = 1, #s do h = bxor(h, U64(s:byte(j))) * FNV_PRIME end
    h = bxor(h, U64(0xff)) * FNV_PRIME
  end
  return mix(h)
end

-- A seed from the user: a non-negative integer (number, decimal string of
-- up to 20 digits, uint64_t) or any other string (hashed).
function M.seed_value(v)
  if type(v) == "cdata" then return U64(v) end
  if type(v) == "number" then
    if v < 0 or v ~= math.floor(v) or v >= 2 ^ 64 then
      return nil, ("seed %s is not a non-negative integer"):format(tostring(v))
    end
    if v < 2 ^ 53 then return U64(v) end
    return U64(v) -- large floats are exact multiples of a power of two
  end
  if type(v) == "string" then
    if v:match("^%d+$") and #v <= 20 then
      local x = U64(0)
      for i = 1, #v do x = x * 10 + (v:byte(i) - 48) end
      return x
    end
    if v == "" then return nil, "empty seed" end
    return M.hash(v)
  end
  return nil, ("a seed must be an integer or a string, not a %s"):format(type(v))
end

-- The text a user types to get the same seed again.
function M.seed_text(u)
  return (tostring(U64(u)):gsub("ULL$", ""))
end

function M.new(seed)
  local s, err = M.seed_value(seed or 0)
  if not s then error(err, 2) end
  return setmetatable({ state = s }, G)
end

-- A stream derived from a seed and a name (rule, tracee): independent
-- streams for independent things, each reproducible.
function M.derive(seed, ...)
  local s = M.seed_value(seed) or U64(0)
  return setmetatable({ state = bxor(mix(s + GOLDEN), M.hash(...)) }, G)
end

-- An unpredictable seed, small enough to type back (below 2^32).
function M.fresh_seed()
  local f = io.open("/dev/urandom", "rb")
  local bytes = f and f:read(4)
  if f then f:close() end
  if bytes and #bytes == 4 then
    local a, b, c, d = bytes:byte(1, 4)
    return ((a * 256 + b) * 256 + c) * 256 + d
  end
  return math.floor((os.time() * 7919 + os.clock() * 1e6) % 4294967296)
end

return M
