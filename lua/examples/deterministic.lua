-- deterministic.lua: randomness from a seeded generator, so that two runs
-- of a program see the same "random" bytes.
--
--   ttlua lua/examples/deterministic.lua -- /usr/bin/python3 -c 'import os; print(os.urandom(8).hex())'
--   ttlua --arg seed=42 lua/examples/deterministic.lua -- sh -c 'head -c 16 /dev/urandom | od -An -tx1'
--
-- Settings (--arg KEY=VALUE):
--   seed=N    the generator's seed (default 1)
-- getrandom and reads of /dev/urandom and /dev/random (opened as virtual
-- descriptors) get bytes from a splitmix64 generator.  Each process has
-- its own stream: a forked child's is derived from its parent's (and the
-- number of children the parent had before), so the bytes depend only on
-- the seed and on what the program does, not on timing.  Threads of a
-- process share its stream (their bytes then depend on their order).
-- Other sources of variation (time, pids, the auxiliary vector's
-- AT_RANDOM, address-space layout) are not touched: combine with
-- faketime.lua, or run with setarch -R, for more.
local ttlua = require "ttlua"
local vfd = require "ttlua.vfd"
local ffi = require "ffi"
local bit = require "bit"

local S = require("ttlua.settings").new("deterministic")
S:args({ "seed" })
local seed = S:number("seed", ttlua.args.seed or "1", { integer = true, min = 0 })

-- ---- splitmix64 ----------------------------------------------------------
local GOLDEN = 0x9e3779b97f4a7c15ULL
local function mix(z)
  z = bit.bxor(z, bit.rshift(z, 30)) * 0xbf58476d1ce4e5b9ULL
  z = bit.bxor(z, bit.rshift(z, 27)) * 0x94d049bb133111ebULL
  return bit.bxor(z, bit.rshift(z, 31))
end

local streams = setmetatable({}, { __mode = "k" }) -- proc -> { state =, children = }
local function stream_of(proc)
  local s = streams[proc]
  if not s then
    s = { state = mix(ffi.cast("uint64_t", seed) + GOLDEN), children = 0 }
    streams[proc] = s
  end
  return s
end

local word = ffi.new("uint64_t[1]")
-- n bytes from proc's stream.
local function bytes(proc, n)
  local s = stream_of(proc)
  local out = {}
  for i = 1, math.ceil(n / 8) do
    s.state = s.state + GOLDEN
    word[0] = mix(s.state)
    out[i] = ffi.string(word, 8)
  end
  return table.concat(out):sub(1, n)
end

local P = {}

function P.on_fork(parent, child)
  local ps = stream_of(parent)
  ps.children = ps.children + 1
  streams[child] = { state = mix(ps.state + ffi.cast("uint64_t", ps.children)), children = 0 }
end

function P.getrandom(call)
  local n = call.buflen
  if n > 33554431 then n = 33554431 end -- the kernel's limit for one call
  call.buf = bytes(call.proc, n)
  return n
end

-- /dev/urandom and /dev/random: character devices that never run dry.
local Random = { stream = false }
Random.__index = Random
function Random.read(_, n, _, file) return bytes(file.call.proc, n) end
function Random.write(_, data) return #data end -- accepted and ignored, like the kernel's pool
function Random.stat() return { st_mode = 0x2000 + 438, st_rdev = 0x109, st_size = 0 } end

local devices = { ["/dev/urandom"] = true, ["/dev/random"] = true }
function P.openat(call)
  if devices[call.pathname] then return vfd(setmetatable({}, Random), { path = call.pathname }) end
end
P.open = P.openat

return P
