-- passthru: the default policy.  Every system call runs natively and is
-- logged the way strace logs it: the first half of the line at entry, the
-- rest with the result at exit, signals as "--- SIG... ---" lines and ends
-- of threads as "+++ exited with N +++".  What "logged" means is ttlua.log:
-- strace lines, --json objects or the -c summary (see ttlua.output).
--
-- With -e trace=SET it handles only the calls in SET, so the seccomp filter
-- stops on those alone and every other call runs without waking ttlua.
-- -e signal=SET and -e quiet=SET choose which signal and exit lines appear.
local ttlua = require "ttlua"

local log = ttlua.log
local opts = ttlua.options or {}
local P = {}

-- The first half at entry, the rest at exit.  call:after() rather than
-- call:run(): the same meaning without a coroutine switch (this handler
-- runs for every syscall).  When a module took over call:run() for this
-- call (ttlua.inject does, to tamper with it), its run() it is; such a
-- module calls this handler from its own, in a coroutine.
local function log_exit(call) log:exit(call) end
local logged = ttlua.direct(function(call)
  log:entry(call)
  if rawget(call, "run") then
    call:run()
    return log:exit(call)
  end
  call:after(log_exit)
end)

if opts.trace_set then
  for name in pairs(opts.trace_set) do P[name] = logged end
else
  P.default = logged
end

local signals = opts.signal_set
function P.on_signal(proc, sig, info)
  if signals and not signals[sig] then return end
  log:signal(proc, sig, info)
end

function P.on_stop(proc, sig)
  if signals and not signals[sig] then return end
  log:stopped(proc, sig)
end

local quiet = opts.quiet_set or {}
function P.on_exit(proc, how)
  if how.superseded then
    if quiet.superseded then return end
  elseif quiet.exit then
    return
  end
  log:exited(proc, how)
end

return P
