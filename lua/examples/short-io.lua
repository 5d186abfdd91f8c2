-- short-io.lua: short reads and writes.  POSIX lets read and write move
-- fewer bytes than asked; pipes, sockets, signals and full disks make them
-- do so.  Programs that assume otherwise lose or duplicate data: this
-- policy makes every eligible call short, reproducibly.
--
--   ttlua lua/examples/short-io.lua -- COMMAND [ARGS...]
--   SHORT_IO_MAX=1 ttlua lua/examples/short-io.lua -- ./client   # a byte at a time
--
-- A call that asks for N > 1 bytes moves a random number of bytes in
-- 1..N-1 (or at most SHORT_IO_MAX) with probability SHORT_IO_PROB.  The
-- seed is printed; at the end: "short-io: cut C of N calls (seed=S)".
--
-- Configuration (environment variables):
--   SHORT_IO_SEED=N    the seed (default: a fresh one, printed)
--   SHORT_IO_PROB=P    probability of cutting a call (default 0.5)
--   SHORT_IO_MAX=N     cut to at most N bytes instead of a random size
--   SHORT_IO_CALLS=L   the calls (default read,write,pread64,pwrite64,readv,
--                      writev,preadv,pwritev,recvfrom,sendto)
--   SHORT_IO_FDPATH=G  only descriptors whose path matches (ttlua.glob)
-- The dynamic loader's reads of shared libraries (*.so*) are left whole:
-- it (rightly, for regular files) treats a short read as an error.
local inject = require "ttlua.inject"
local prng = inject.prng

local S = require("ttlua.settings").new("short-io")
S:env("SHORT_IO_", { "SEED", "PROB", "MAX", "CALLS", "FDPATH" })
local seed = os.getenv("SHORT_IO_SEED") or tostring(prng.fresh_seed())
if seed == "" then S:fail("SHORT_IO_SEED is empty") end
local prob = S:number("SHORT_IO_PROB", os.getenv("SHORT_IO_PROB") or "0.5", { min = 0, max = 1 })
local max = S:number("SHORT_IO_MAX", os.getenv("SHORT_IO_MAX"), { integer = true, min = 1 })
local calls = os.getenv("SHORT_IO_CALLS")
  or "read,write,pread64,pwrite64,readv,writev,preadv,pwritev,recvfrom,sendto"
for name in calls:gmatch("[^,]+") do
  if not require("ttlua").syscalls.by_name[name] then S:fail("SHORT_IO_CALLS: unknown system call %s", name) end
end
local fdpath = os.getenv("SHORT_IO_FDPATH")
io.stderr:write(("short-io: seed=%s (replay with SHORT_IO_SEED=%s)\n"):format(seed, seed))

-- the sizes come from a stream of their own, so they replay with the seed
-- (the rule's prob= stream decides which calls are cut)
local sizes = prng.new(seed .. "/sizes")
local cut = 0

local function not_a_library(call)
  local p = call.proc:fdpath(call.args[1]) or ""
  return not p:match("%.so[%.%d]*$")
end

local rule = inject.rule {
  calls, prob = prob, seed = seed, fdpath = fdpath, match = not_a_library,
  short = function(call)
    local n = inject.byte_count(call)
    if not n or n < 2 then return nil end -- nothing to cut: run it whole
    cut = cut + 1
    if max then return math.max(1, math.min(max, n - 1)) end
    return 1 + sizes:below(n - 1)
  end,
}

return {
  on_finish = function()
    io.stderr:write(("short-io: cut %d of %d calls (seed=%s)\n"):format(cut, rule.seen, seed))
  end,
}
