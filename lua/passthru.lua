-- passthru: the default policy.  Every system call runs natively and is
-- logged the way strace logs it: the first half of the line at entry, the
-- rest with the result at exit, signals as "--- SIG... ---" lines and ends
-- of threads as "+++ exited with N +++".
local ttlua = require "ttlua"
local types = require "ttlua.types"

local log = ttlua.log
local P = {}

-- The first half at entry, the rest at exit.  call:after() rather than
-- call:run(): the same meaning without a coroutine switch (this handler
-- runs for every syscall).
local function log_exit(call) log:exit(call) end
P.default = ttlua.direct(function(call)
  log:entry(call)
  call:after(log_exit)
end)

function P.on_signal(proc, sig, info)
  local text
  local ok, fmt = pcall(require, "ttlua.structfmt")
  if ok and info.si_signo then
    local ok2, s = pcall(fmt.format, "siginfo", info)
    text = ok2 and s or nil
  end
  log:line(proc.tid, ("--- %s %s ---"):format(types.signame(sig), text or "{...}"))
end

function P.on_stop(proc, sig)
  log:line(proc.tid, ("--- stopped by %s ---"):format(types.signame(sig)))
end

function P.on_exit(_, how)
  local text
  if how.superseded then
    text = ("+++ superseded by execve in pid %d +++"):format(how.by)
  elseif how.code then
    text = ("+++ exited with %d +++"):format(how.code)
  else
    text = ("+++ killed by %s%s +++"):format(types.signame(how.signal),
      how.core and " (core dumped)" or "")
  end
  log:line(how.tid, text)
end

return P
