-- fail-nth.lua: fail the Nth open of a matching path, to walk a program's
-- error paths one at a time.
--
--   FAIL_PATH='*.conf' FAIL_NTH=2 ttlua lua/examples/fail-nth.lua -- COMMAND
--   for n in 1 2 3 4 5; do FAIL_NTH=$n ttlua lua/examples/fail-nth.lua -- make; done
--
-- The Nth call among open, openat, openat2 and creat whose path matches
-- FAIL_PATH fails with FAIL_ERRNO.  Calls are counted across all the
-- command's processes, in the order ttlua sees them (strace's when= counts
-- per process and per syscall instead: use --inject=openat:...:when=N for
-- that).  On stderr: "fail-nth: failed open #N: PATH (ERRNO)" when it fires,
-- or, at the end, "fail-nth: only M matching opens, #N never came" so a
-- loop over N knows when to stop.
--
-- Configuration (environment variables):
--   FAIL_NTH=N        which matching open fails (default 1)
--   FAIL_PATH=GLOB    which paths count (ttlua.glob: "*.conf" is a basename,
--                     "/etc/**" a tree; default "*": every path)
--   FAIL_ERRNO=NAME   the error (default ENOENT)
--   FAIL_CALLS=LIST   the calls that count (default open,openat,openat2,creat)
local inject = require "ttlua.inject"

local S = require("ttlua.settings").new("fail-nth")
S:env("FAIL_", { "NTH", "PATH", "ERRNO", "CALLS" })
local nth = S:number("FAIL_NTH", os.getenv("FAIL_NTH") or "1", { integer = true, min = 1 })
local path = os.getenv("FAIL_PATH") or "*"
local err = S:errno("FAIL_ERRNO", os.getenv("FAIL_ERRNO") or "ENOENT")
local calls = os.getenv("FAIL_CALLS") or "open,openat,openat2,creat"
for name in calls:gmatch("[^,]+") do
  if not require("ttlua").syscalls.by_name[name] then S:fail("FAIL_CALLS: unknown system call %s", name) end
end

local seen = 0
local failed
inject.rule {
  calls, error = err, path = path,
  -- called only for calls whose path matched: one count for all processes
  match = function()
    seen = seen + 1
    return seen == nth
  end,
}

local P = {}
local function report(call)
  if inject.fired(call) then
    failed = call.pathname
    io.stderr:write(("fail-nth: failed open #%d: %s (%s)\n"):format(nth, tostring(failed), err))
  end
end
for name in calls:gmatch("[^,]+") do P[name] = report end

function P.on_finish()
  if not failed then
    io.stderr:write(("fail-nth: only %d matching opens, #%d never came\n"):format(seen, nth))
  end
end

return P
