-- chaos.lua: random I/O errors, reproducible from a seed.
--
--   ttlua lua/examples/chaos.lua -- COMMAND [ARGS...]
--   CHAOS_SEED=1234 ttlua lua/examples/chaos.lua -- COMMAND    # replay a run
--
-- Each read-, write- and sync-like call on a descriptor fails with
-- probability CHAOS_PROB, with an error that call can really return:
--   reads  (read, pread64, readv, preadv)        EIO, EINTR, EAGAIN
--   writes (write, pwrite64, writev, pwritev)    EIO, ENOSPC, EINTR, EAGAIN
--   syncs  (fsync, fdatasync)                    EIO, ENOSPC
-- The seed is printed first ("chaos: seed=N"); the same seed gives the
-- same faults on the same program and input, so a failure can be replayed.
-- At the end: "chaos: faults F, calls C" (C: the calls that could fail).
--
-- Configuration (environment variables):
--   CHAOS_SEED=N      the seed (default: a fresh one, printed)
--   CHAOS_PROB=P      probability of a fault per call, 0..1 (default 0.05)
--   CHAOS_FDPATH=GLOB only descriptors whose path matches (ttlua.glob; e.g.
--                     "/tmp/db/**"); default: every descriptor but 0, 1, 2
--   CHAOS_STDIO=1     also descriptors 0, 1 and 2
--   CHAOS_LIBS=1      also shared libraries (*.so*; by default the dynamic
--                     loader is left alone, so faults reach the program)
--   CHAOS_VERBOSE=1   print each fault ("chaos: write(3) -> ENOSPC")
local inject = require "ttlua.inject"
local prng = inject.prng

local S = require("ttlua.settings").new("chaos")
local getenv = os.getenv
S:env("CHAOS_", { "SEED", "PROB", "FDPATH", "STDIO", "LIBS", "VERBOSE" })
local seed = getenv("CHAOS_SEED") or tostring(prng.fresh_seed())
if seed == "" then S:fail("CHAOS_SEED is empty") end
local prob = S:number("CHAOS_PROB", getenv("CHAOS_PROB") or "0.05", { min = 0, max = 1 })
local fdpath = getenv("CHAOS_FDPATH")
local stdio = S:flag("CHAOS_STDIO", getenv("CHAOS_STDIO"))
local libs = S:flag("CHAOS_LIBS", getenv("CHAOS_LIBS"))
local verbose = S:flag("CHAOS_VERBOSE", getenv("CHAOS_VERBOSE"))
io.stderr:write(("chaos: seed=%s prob=%s (replay with CHAOS_SEED=%s)\n"):format(seed, prob, seed))

local function eligible(call)
  if not stdio and call.fd <= 2 then return false end
  if not libs then
    local path = call.proc:fdpath(call.fd) or ""
    if path:match("%.so[%.%d]*$") then return false end
  end
  return true
end

local groups = {
  { "read,pread64,readv,preadv", { "EIO", "EINTR", "EAGAIN" } },
  { "write,pwrite64,writev,pwritev", { "EIO", "ENOSPC", "EINTR", "EAGAIN" } },
  { "fsync,fdatasync", { "EIO", "ENOSPC" } },
}
local rules = {}
for i, g in ipairs(groups) do
  rules[i] = inject.rule {
    g[1], error = g[2], prob = prob, fdpath = fdpath, match = eligible,
    -- one seed for the run, a distinct stream per group
    seed = seed .. "/" .. i,
  }
end

local E = require("ttlua").errno
local function report(call)
  if verbose and inject.fired(call) then
    -- returning nothing: the injected error is what the tracee gets
    local r = call:run()
    io.stderr:write(("chaos: %s(%d) -> %s\n"):format(call.name, call.fd, E.name[-r] or r))
  end
end

local P = {}
for _, g in ipairs(groups) do
  for name in g[1]:gmatch("[^,]+") do P[name] = report end
end

function P.on_finish()
  local fired, seen = 0, 0
  for _, r in ipairs(rules) do
    fired, seen = fired + r.fired, seen + r.seen
  end
  io.stderr:write(("chaos: faults %d, calls %d (seed=%s)\n"):format(fired, seen, seed))
end

return P
