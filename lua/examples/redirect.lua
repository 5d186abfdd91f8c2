-- redirect.lua: path rewriting, a tiny proot-like bind map.
--
--   ttlua --arg bind=/etc/hosts=./hosts lua/examples/redirect.lua -- cat /etc/hosts
--   ttlua --arg bind=/opt/tool=$HOME/build/tool lua/examples/redirect.lua -- /opt/tool/bin/run
--
-- Settings (--arg KEY=VALUE):
--   bind=FROM=TO   the program's FROM (a file or a directory, and all below
--                  it) is really TO (relative TO: from ttlua's working
--                  directory); repeatable, the longest FROM wins.  Without
--                  any, /etc/hosts=./hosts.
-- Every call with a path argument is handled: the path (absolute, or
-- relative to the working directory or to a dirfd, cleaned of "." and "..")
-- is rewritten when it falls under a FROM, so open, the at-family, stat,
-- access, execve, chdir, rename, ... all see TO.  Results that show paths
-- are mapped back: readlink/readlinkat targets and getcwd under TO read as
-- under FROM.  Not rewritten: symlink targets (stored as given), paths the
-- kernel finds by following symbolic links, and paths inside data (a
-- script's #! line, /proc/self/fd links).
local ttlua = require "ttlua"
local Proc = require "ttlua.proc"
local ffi = require "ffi"
local bit = require "bit"

pcall(ffi.cdef, [[ char *getcwd(char *buf, size_t size); ]])

-- ---- the map --------------------------------------------------------------
local function here()
  local buf = ffi.new("char[4096]")
  local p = ffi.C.getcwd(buf, 4096)
  return p ~= nil and ffi.string(p) or "/"
end

require("ttlua.settings").new("redirect"):args({ "bind" })
local binds = {}
local specs = ttlua.arglist.bind
if #specs == 0 then specs = { "/etc/hosts=./hosts" } end
for _, v in ipairs(specs) do
  local from, to = v:match("^([^=]+)=(.+)$")
  if not from or from:sub(1, 1) ~= "/" then
    error("redirect: bind=" .. v .. " is not FROM=TO with an absolute FROM", 0)
  end
  if to:sub(1, 1) ~= "/" then to = here() .. "/" .. to end
  binds[#binds + 1] = { from = Proc.clean_path(from), to = Proc.clean_path(to) }
end
table.sort(binds, function(a, b) return #a.from > #b.from end)

local function under(p, base)
  if p == base then return "" end
  if base == "/" then return p end
  if p:sub(1, #base + 1) == base .. "/" then return p:sub(#base + 1) end
  return nil
end

-- FROM... -> TO..., or nil.
local function map(abs)
  for _, b in ipairs(binds) do
    local rest = under(abs, b.from)
    if rest then return b.to .. rest end
  end
  return nil
end

-- TO... -> FROM..., or nil (for results that show paths).
local function unmap(p)
  for _, b in ipairs(binds) do
    local rest = under(p, b.to)
    if rest then return b.from .. rest end
  end
  return nil
end

-- ---- handlers -------------------------------------------------------------
local P = {}
local s32 = bit.tobit

-- The path arguments of a call's spec: { name =, dirfd = index or nil }.
local function path_args(spec)
  local list = {}
  for i, a in ipairs(spec.args) do
    local is_target = (spec.name == "symlink" or spec.name == "symlinkat") and a.name == "target"
    if a.kind == "path" and not is_target then
      local prev = spec.args[i - 1]
      list[#list + 1] = { name = a.name, dirfd = prev and prev.kind == "dirfd" and i - 1 or nil }
    end
  end
  return list
end

local function rewrite(call, list)
  for _, p in ipairs(list) do
    local path = call[p.name]
    if path and path ~= "" then
      local dirfd = p.dirfd and s32(call.args[p.dirfd]) or nil
      local to = map(call.proc:abspath(path, dirfd) or "")
      if to then call[p.name] = to end
    end
  end
end

for _, spec in ipairs(ttlua.syscalls.list) do
  local list = path_args(spec)
  if #list > 0 then
    P[spec.name] = function(call) rewrite(call, list) end
  end
end

-- readlink, readlinkat: a target under TO reads as under FROM.
local function readlink(list, bufi, sizei)
  return function(call)
    rewrite(call, list)
    local n = call:run()
    if n <= 0 then return end
    local target = call.proc:read(call.args[bufi], n)
    local back = target and unmap(target)
    if not back then return end
    back = back:sub(1, call.args[sizei])
    call.proc:write(call.args[bufi], back)
    return #back
  end
end
P.readlink = readlink(path_args(ttlua.syscalls.by_name.readlink), 2, 3)
P.readlinkat = readlink(path_args(ttlua.syscalls.by_name.readlinkat), 3, 4)

-- getcwd: a working directory under TO is shown under FROM.
function P.getcwd(call)
  local n = call:run()
  if n <= 1 then return end
  local cwd = call.proc:read(call.args[1], n - 1)
  local back = cwd and unmap(cwd)
  if not back then return end
  if #back + 1 > call.args[2] then return -ttlua.errno.ERANGE end
  call.proc:write(call.args[1], back .. "\0")
  return #back + 1
end

return P
