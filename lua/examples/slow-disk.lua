-- slow-disk.lua: a slow disk: every fsync (and, less, every write) to a
-- file takes longer.  Only the calling thread waits; the rest of the
-- program, and other programs, run on.
--
--   ttlua lua/examples/slow-disk.lua -- sqlite3 test.db 'insert ...'
--   SLOW_FSYNC=200ms SLOW_PATH='/var/tmp/**' ttlua lua/examples/slow-disk.lua -- make check
--
-- At the end: "slow-disk: delayed S syncs and W writes (T s in all)".
--
-- Configuration (environment variables); delays are numbers with s, ms,
-- us or ns (a bare number is microseconds, as in strace):
--   SLOW_FSYNC=D     delay of fsync, fdatasync, sync_file_range, syncfs
--                    (default 50ms)
--   SLOW_WRITE=D     delay of write, pwrite64, writev, pwritev, pwritev2
--                    (default 1ms; 0 for none)
--   SLOW_PATH=GLOB   only descriptors whose path matches (ttlua.glob);
--                    default: files, not pipes, sockets or /dev
--   SLOW_AT=enter|exit  hold the call before it runs (default) or after
local inject = require "ttlua.inject"

local S = require("ttlua.settings").new("slow-disk")
S:env("SLOW_", { "FSYNC", "WRITE", "PATH", "AT" })
local fsync_delay = S:delay("SLOW_FSYNC", os.getenv("SLOW_FSYNC") or "50ms")
local write_delay = S:delay("SLOW_WRITE", os.getenv("SLOW_WRITE") or "1ms")
local path = os.getenv("SLOW_PATH")
local at_v = os.getenv("SLOW_AT") or "enter"
if at_v ~= "enter" and at_v ~= "exit" then S:fail("SLOW_AT=%s: expected enter or exit", at_v) end
local at = at_v == "exit" and "delay_exit" or "delay_enter"

-- files only: what /proc/PID/fd shows for them is an absolute path
local function on_a_file(call)
  local p = call.proc:fdpath(call.fd) or ""
  return p:sub(1, 1) == "/" and p:sub(1, 5) ~= "/dev/"
end

local rules = {}
if fsync_delay > 0 then
  rules.sync = inject.rule {
    "fsync,fdatasync,sync_file_range,syncfs", [at] = fsync_delay,
    fdpath = path, match = not path and on_a_file or nil,
  }
end
if write_delay > 0 then
  rules.write = inject.rule {
    "write,pwrite64,writev,pwritev,pwritev2", [at] = write_delay,
    fdpath = path, match = not path and on_a_file or nil,
  }
end

local P = {}
function P.on_finish()
  local s = rules.sync and rules.sync.fired or 0
  local w = rules.write and rules.write.fired or 0
  io.stderr:write(("slow-disk: delayed %d syncs and %d writes (%.3f s in all)\n"):format(
    s, w, s * fsync_delay + w * write_delay))
end
return P
