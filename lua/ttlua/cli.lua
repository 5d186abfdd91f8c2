-- ttlua.cli: the command line.
--   ttlua [OPTIONS] [POLICY.lua] -- COMMAND [ARGS...]
--   ttlua [OPTIONS] [POLICY.lua] -p PID [-p PID...]
-- parse() returns an options table, or nil and a one-line error.
local M = {}

M.usage = [[
usage: ttlua [OPTIONS] [POLICY.lua] -- COMMAND [ARGS...]
       ttlua [OPTIONS] [POLICY.lua] -p PID

Run COMMAND under ptrace; every system call the policy handles becomes a
typed Lua table passed to its handler.  Without POLICY, the built-in
passthru policy runs every call natively and logs it like strace.

Policy:
  POLICY.lua           a Lua file returning a table of handlers
  -E, --eval CHUNK     an inline policy: handlers defined as globals, e.g.
                       -E 'function openat(c) if c.pathname == "/x" then return -E.EACCES end end'
                       (ttlua, E (errno) and C (constants) are in scope)
Output:
  -o FILE              write the log to FILE instead of stderr
  -s N                 print at most N bytes of each string (default 32;
                       0..2147483647, strings are read up to 1 MiB)
Tracing:
  -p PID               attach to a running process (repeatable); it has no
                       seccomp filter, so every syscall stops (slower), and
                       it is detached, still running, when ttlua ends
  --no-vdso            hide the vDSO so time calls become real syscalls
                       (automatic when the policy handles clock_gettime,
                       gettimeofday, time or getcpu)
  --strict             a policy error kills the tracee (default: the call
                       proceeds natively and ttlua exits non-zero at the end)
  --dump-filter        print the seccomp filter (libseccomp pseudo-code) and exit
  --stats              at exit, print ptrace stop counts and ttlua's CPU time
                       on stderr (the stop economy, checkable)
  --arg KEY=VALUE      a setting for the policy (ttlua.args.KEY); repeatable
  -f                   accepted for strace users: ttlua always follows
                       children and threads (-ff is not supported)
  -q                   accepted for strace users: ttlua prints no
                       attach/detach messages anyway
Other:
  -h, --help           this text
  -V, --version        the version

Exit status: the command's (128+N when it was killed by signal N); 127 when
COMMAND does not exist, 126 when it cannot be executed, 1 for ttlua's own
errors, and 1 when the command succeeded but the policy raised errors.
]]

local function need_value(argv, i, opt)
  local v = argv[i + 1]
  if v == nil then return nil, ("option %s needs a value"):format(opt) end
  return v
end

-- Options taking a value, and where it goes.
local valued = {
  ["-o"] = "output", ["-s"] = "strsize", ["-E"] = "eval", ["--eval"] = "eval",
  ["-p"] = "pid", ["-e"] = "expr", ["--arg"] = "arg",
}
local flags = {
  ["-h"] = "help", ["--help"] = "help", ["-V"] = "version", ["--version"] = "version",
  ["--no-vdso"] = "no_vdso", ["--strict"] = "strict", ["--dump-filter"] = "dump_filter",
  ["-f"] = "follow", -- strace's: ttlua always follows children
}

-- Extra options registered by other modules: name -> {key=, value=bool, ...}.
-- more (optional): { multi = true } (repeatable, values collected in a list),
-- { standalone = true } (the option works without a command, like --help),
-- { optional = true } (a valued option whose value may be left out:
-- "--opt" gives "", "--opt=V" gives V; the next word is never taken).
M.extra = {}
function M.register(name, key, takes_value, more)
  local x = { key = key, value = takes_value }
  for k, v in pairs(more or {}) do x[k] = v end
  M.extra[name] = x
end

-- Help text of registered options: blocks printed before "Other:".
M.help_blocks = {}
function M.add_help(text)
  M.help_blocks[#M.help_blocks + 1] = text
end

-- The --help text.
function M.help()
  if #M.help_blocks == 0 then return M.usage end
  local extra = table.concat(M.help_blocks)
  local head, tail = M.usage:match("^(.-\n)(Other:\n.*)$")
  if not head then return M.usage .. extra end
  return head .. extra .. tail
end

function M.parse(argv)
  -- o.order: every option that took a value, as { option, value }, in
  -- command-line order (where several options feed one list, e.g.
  -- --inject, --fault and -e inject=, their order matters)
  local o = { strsize = 32, pids = {}, exprs = {}, args = {}, order = {}, command = nil, policy = nil }
  local i = 1
  while i <= #argv do
    local a = argv[i]
    if a == "--" then
      o.command = { unpack(argv, i + 1) }
      break
    end
    local name, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    if not name and a:match("^%-[soEpe].+") and not a:match("^%-%-") then
      name, inline = a:sub(1, 2), a:sub(3)
    end
    name = name or a
    local x = M.extra[name]
    if valued[name] or (x and x.value) then
      local v = inline
      if v == nil and x and x.optional then
        v = ""
      elseif v == nil then
        local err
        v, err = need_value(argv, i, name)
        if not v then return nil, err end
        i = i + 1
      end
      local key = valued[name] or x.key
      o.order[#o.order + 1] = { name, v }
      if key == "pid" then
        local pid = v:match("^%d+$") and tonumber(v)
        if not pid or pid <= 0 or pid > 2147483647 then
          return nil, ("-p: %q is not a process id"):format(v)
        end
        -- the same process twice is attached once
        local seen = false
        for _, p in ipairs(o.pids) do seen = seen or p == pid end
        if not seen then o.pids[#o.pids + 1] = pid end
      elseif key == "expr" then
        o.exprs[#o.exprs + 1] = v
      elseif key == "arg" then
        if not v:match("^[^=]+=") then
          return nil, ("--arg: %q is not KEY=VALUE"):format(v)
        end
        o.args[#o.args + 1] = v
      elseif key == "strsize" then
        local n = v:match("^%d+$") and tonumber(v)
        if not n or n > 2147483647 then
          return nil, ("-s: %q is not an integer from 0 to 2147483647"):format(v)
        end
        o.strsize = n
      elseif x and x.multi then
        o[key] = o[key] or {}
        table.insert(o[key], v)
      else
        o[key] = v
      end
    elseif flags[name] or (x and not x.value) then
      if inline then return nil, ("option %s takes no value"):format(name) end
      o[flags[name] or x.key] = true
    elseif a == "-ff" then
      return nil, "-ff (a log file per process) is not supported; children are always"
        .. " followed into the one log"
    elseif a:sub(1, 1) == "-" and #a > 1 then
      return nil, ("unknown option %s (see ttlua --help)"):format(a)
    elseif not o.policy and a:match("%.lua$") then
      o.policy = a
    elseif a:match("%.lua$") and not o.eval then
      -- a second policy, not a command: words ending in .lua are policies
      return nil, ("more than one policy (%s, %s); put the command after --"):format(o.policy, a)
    else
      -- strace style: the first plain word starts the command
      o.command = { unpack(argv, i) }
      break
    end
    i = i + 1
  end
  if o.command and #o.command == 0 then o.command = nil end
  if o.help or o.version or o.dump_filter then return o end
  for _, x in pairs(M.extra) do
    if x.standalone and o[x.key] then return o end
  end
  if not o.command and #o.pids == 0 then
    return nil, "no command to run (usage: ttlua [POLICY.lua] -- COMMAND [ARGS...])"
  end
  if o.command and #o.pids > 0 then
    return nil, "give either a command or -p PID, not both"
  end
  if o.policy and o.eval then
    return nil, "give either a policy file or -E CHUNK, not both"
  end
  return o
end

return M
