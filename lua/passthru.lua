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

local function logged(call)
  log:entry(call)
  call:run()
  log:exit(call)
end

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
