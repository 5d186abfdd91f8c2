-- The policy author's view of the table (issue 3): --describe, --list and
-- the generated LuaCATS annotations (lua/ttlua/types.d.lua).
local H = require "tests.helper"
local syscalls = require "ttlua.syscalls"
local TE = require "ttlua.trace_expr"

local sys = syscalls.arch("x86_64")
local annotations = H.root .. "/lua/ttlua/types.d.lua"

describe("generated annotations", function()
  local committed = H.readfile(annotations)

  it("are what scripts/gen-annotations prints now (regenerate with --write)", function()
    local r = H.sh("luajit " .. H.q(H.root .. "/scripts/gen-annotations"))
    assert.are.equal(0, r.status, r.err)
    if r.out ~= committed then
      local a, b = H.lines(committed or ""), H.lines(r.out)
      for i = 1, math.max(#a, #b) do
        if a[i] ~= b[i] then
          error(("lua/ttlua/types.d.lua is stale at line %d:\n  committed: %s\n  generated: %s\n"
            .. "run scripts/gen-annotations --write"):format(i, tostring(a[i]), tostring(b[i])))
        end
      end
    end
  end)

  -- classes -> { fields in order }, parsed from the annotation text
  local function parse(text)
    local classes, current = {}, nil
    for line in text:gmatch("([^\n]*)\n") do
      local cls = line:match("^%-%-%-@class ([%w_.]+)")
      if cls then
        current = { order = {}, types = {}, lines = {} }
        classes[cls] = current
      elseif current then
        local f, ty = line:match("^%-%-%-@field ([%w_?]+) (%S+)")
        if f then
          current.order[#current.order + 1] = f
          current.types[f] = ty
          current.lines[f] = line
        elseif not line:match("^%-%-%-") then
          current = nil
        end
      end
    end
    return classes
  end

  it("have one class per syscall with its fields in order, and a policy handler field", function()
    local classes = parse(committed)
    local policy = classes["ttlua.policy"]
    for _, spec in ipairs(sys.list) do
      local c = classes["ttlua.call." .. spec.name]
      assert.truthy(c, "no class for " .. spec.name)
      local want = {}
      for i, a in ipairs(spec.args) do want[i] = a.name end
      assert.are.same(want, c.order, spec.name)
      assert.are.equal("fun(call:", policy.types[spec.name .. "?"], spec.name)
      assert.truthy(policy.lines[spec.name .. "?"]:find("ttlua.call." .. spec.name .. "):", 1, true))
    end
    -- and nothing else: no class for a name the table does not have
    for name in pairs(classes) do
      local call = name:match("^ttlua%.call%.(.+)$")
      if call then assert.truthy(sys.by_name[call], name) end
    end
  end)

  it("type fields as a handler sees them", function()
    local c = parse(committed)
    assert.are.equal("string|nil", c["ttlua.call.openat"].types.pathname)
    assert.are.equal("integer", c["ttlua.call.openat"].types.dirfd)
    assert.are.equal("integer", c["ttlua.call.openat"].types.flags)
    assert.are.equal("string|nil", c["ttlua.call.read"].types.buf)
    assert.truthy(c["ttlua.call.read"].lines.buf:find(" out obuf%(ret%)"))
    assert.are.equal("string|nil", c["ttlua.call.write"].types.buf)
    assert.are.equal("string[]|nil", c["ttlua.call.execve"].types.argv)
    assert.are.equal("ttlua.iovec[]|nil", c["ttlua.call.writev"].types.iov)
    assert.are.equal("ttlua.struct.sockaddr|nil", c["ttlua.call.connect"].types.addr)
    assert.are.equal("integer[]|nil", c["ttlua.call.pipe"].types.pipefd)
    assert.are.equal("ttlua.struct.stat|nil", c["ttlua.call.fstat"].types.statbuf)
    -- every struct type a field names is declared
    for _, cls in pairs(c) do
      for _, ty in pairs(cls.types) do
        for s in ty:gmatch("(ttlua%.struct%.[%w_]+)") do assert.truthy(c[s], s) end
      end
    end
    for _, base in ipairs({ "ttlua.call", "ttlua.proc", "ttlua", "ttlua.policy", "ttlua.iovec",
                            "ttlua.exit_status" }) do
      assert.truthy(c[base], base)
    end
  end)

  it("load as Lua and pass luacheck", function()
    assert.truthy(loadfile(annotations))
    local r = H.sh("luacheck --no-color " .. H.q(annotations))
    assert.are.equal(0, r.status, r.out)
  end)
end)

describe("--describe", function()
  it("prints the typed signature: fields, types, what a handler sees, result, classes", function()
    local r = H.run({ "--describe", "openat" })
    assert.are.equal(0, r.status, r.err)
    assert.are.equal("", r.err)
    local o = r.out
    assert.truthy(o:match("^openat: syscall 257 on x86_64; classes: %%desc %%file\n"), o)
    assert.truthy(o:find("openat(dirfd, pathname, flags, mode) -> fd", 1, true), o)
    assert.truthy(o:find("\n%s+call%.dirfd%s+dirfd%s+in%s+integer%s+a directory fd"), o)
    assert.truthy(o:find("\n%s+call%.pathname%s+path%s+in%s+string|nil%s+a path"), o)
    assert.truthy(o:find("\n%s+call%.flags%s+flags%(open_flags%)%s+in%s+integer"), o)
    assert.truthy(o:find("call.result  fd: a new file descriptor", 1, true), o)
    local n = H.run({ "--describe", "257" })
    assert.are.equal(r.out, n.out)
    local rd = H.run({ "--describe", "read" })
    assert.truthy(rd.out:find("\n%s+call%.buf%s+obuf%(ret%)%s+out%s+string|nil"), rd.out)
  end)

  it("an unknown name is a one-line error with a suggestion", function()
    local r = H.run({ "--describe", "opnat" })
    assert.are.equal(1, r.status)
    assert.are.equal("ttlua: --describe: unknown syscall 'opnat' (did you mean openat?)\n", r.err)
    assert.are.equal("", r.out)
  end)
end)

describe("--list", function()
  it("lists every syscall with its number and classes", function()
    local r = H.run({ "--list" })
    assert.are.equal(0, r.status, r.err)
    local lines = H.lines(r.out)
    assert.truthy(lines[1]:match("^%s+nr%s+name%s+classes$"))
    assert.are.equal(#sys.list + 1, #lines)
    for i, spec in ipairs(sys.list) do
      local nr, name = lines[i + 1]:match("^%s*(%d+)%s+([%w_]+)")
      assert.are.equal(spec.nr, tonumber(nr))
      assert.are.equal(spec.name, name)
    end
    assert.truthy(r.out:find("\n%s+257%s+openat%s+%%desc %%file\n"))
  end)

  it("takes a -e trace= style set, and errors like it", function()
    local r = H.run({ "--list", "%net" })
    assert.are.equal(0, r.status, r.err)
    local got = {}
    for _, l in ipairs(H.lines(r.out)) do
      local name = l:match("^%s*%d+%s+([%w_]+)")
      if name then got[name] = true end
    end
    assert.are.same(assert(TE.syscall_set("%net", sys)), got)
    local bad = H.run({ "--list", "%fil" })
    assert.are.equal(1, bad.status)
    assert.are.equal("ttlua: --list: invalid system call class '%fil' (did you mean %file?)\n", bad.err)
  end)

  it("--help documents the output and selection options", function()
    local r = H.run({ "--help" })
    assert.are.equal(0, r.status)
    for _, opt in ipairs({ "-e trace=SET", "--json", "-c ", "-C ", "-y ", "-yy", "--describe NAME",
                           "--list", "-e signal=", "-e status=", "-S SORTBY", "-w " }) do
      assert.truthy(r.out:find(opt, 1, true), opt)
    end
    assert.truthy(r.out:find("Other:\n", 1, true))
  end)
end)
