-- luacheck: std +busted
-- The typed syscall tables (lua/ttlua/syscalls/*.lua) and their checker.
-- Run from the repository root: busted --lua=luajit tests/syscalls_spec.lua
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path

local x86_64 = require("ttlua.syscalls.x86_64")
local i386 = require("ttlua.syscalls.i386")
local x32 = require("ttlua.syscalls.x32")

local X32_SYSCALL_BIT = 0x40000000

local function index(tbl)
  local by_name, by_nr = {}, {}
  for _, e in ipairs(tbl) do
    by_name[e.name] = e
    by_nr[e.nr] = e
  end
  return by_name, by_nr
end

-- "dirfd dirfd, path pathname" -> { {type = "dirfd", name = "dirfd"}, ... }
local function args_of(e)
  local list = {}
  for item in (e.args .. ","):gmatch("%s*(.-),") do
    if item ~= "" then
      local ty, name = item:match("^(%S+)%s+(%S+)$")
      list[#list + 1] = { type = ty, name = name }
    end
  end
  return list
end

local function names_of(e)
  local names = {}
  for i, a in ipairs(args_of(e)) do names[i] = a.name end
  return table.concat(names, ",")
end

describe("scripts/check-syscalls", function()
  it("finds the tables consistent with the headers, the vocabulary and the man pages", function()
    local p = io.popen("scripts/check-syscalls 2>&1; echo \"rc=$?\"")
    local out = p:read("*a")
    p:close()
    assert.matches("rc=0\n$", out)
    assert.matches("^check%-syscalls: %d+ x86_64, %d+ i386, %d+ x32 entries OK", out)
  end)
end)

describe("the x86_64 table", function()
  local by_name, by_nr = index(x86_64)

  it("is a plain array of rows ordered by number", function()
    for i, e in ipairs(x86_64) do
      assert.is_number(e.nr)
      assert.is_string(e.name)
      assert.is_string(e.ret)
      assert.is_string(e.args)
      assert.is_string(e.classes)
      if i > 1 then assert.is_true(e.nr > x86_64[i - 1].nr) end
    end
  end)

  it("is found by name and by number", function()
    assert.equals(257, by_name.openat.nr)
    assert.equals("openat", by_nr[257].name)
    assert.equals("read", by_nr[0].name)
    assert.equals(by_name.execve, by_nr[59])
  end)

  it("has openat(dirfd, pathname, flags, mode)", function()
    local e = by_name.openat
    assert.equals("dirfd,pathname,flags,mode", names_of(e))
    assert.equals("dirfd dirfd, path pathname, flags(open_flags) flags, mode mode", e.args)
    assert.equals("fd", e.ret)
    assert.equals("desc file", e.classes)
  end)

  it("decodes read's buffer at exit, from the result", function()
    local a = args_of(by_name.read)
    assert.equals("buf", a[2].name)
    assert.equals("obuf(ret)", a[2].type)
    assert.equals("ibuf(count)", args_of(by_name.write)[2].type)
  end)

  it("gives mmap typed arguments", function()
    assert.equals("ptr addr, size length, flags(mmap_prot) prot, flags(mmap_flags) flags, fd fd, off offset",
      by_name.mmap.args)
    assert.equals("hex", by_name.mmap.ret)
  end)

  it("uses the raw x86_64 clone argument order", function()
    assert.equals("flags,stack,parent_tid,child_tid,tls", names_of(by_name.clone))
  end)

  it("suffixes argument names that are reserved call fields, but not pid", function()
    assert.equals("pid,sig", names_of(by_name.kill)) -- call.pid is kill's target
    assert.equals("tid_,sig", names_of(by_name.tkill))
    assert.equals("path,name_,value,size,flags", names_of(by_name.setxattr))
  end)

  it("marks exit and exit_group as not returning", function()
    assert.equals("noreturn", by_name.exit.ret)
    assert.equals("noreturn", by_name.exit_group.ret)
  end)

  it("has the syscalls added after the 6.1 headers, up to Linux 6.18", function()
    assert.equals(451, by_name.cachestat.nr)
    assert.equals(462, by_name.mseal.nr)
    assert.equals(469, by_name.file_setattr.nr)
    assert.equals("uretprobe", by_nr[335].name)
    assert.equals("uprobe", by_nr[336].name)
    assert.is_nil(by_nr[470])
  end)

  it("uses strace's class membership", function()
    assert.equals("file stat stat_like", by_name.stat.classes)
    assert.equals("desc file process", by_name.execveat.classes)
    assert.equals("creds pure", by_name.getuid.classes)
    assert.equals("", by_name.sched_yield.classes)
  end)
end)

describe("the i386 table", function()
  local by_name, by_nr = index(i386)
  local x = index(x86_64)

  it("numbers open 5 and exit 1", function()
    assert.equals("open", by_nr[5].name)
    assert.equals(5, by_name.open.nr)
    assert.equals("exit", by_nr[1].name)
  end)

  it("reuses the x86_64 argument spec of the same name", function()
    assert.equals(x.openat.args, by_name.openat.args)
    assert.equals(295, by_name.openat.nr)
    assert.equals(x.getuid.args, by_name.getuid32.args)
    assert.equals(x.fcntl.args, by_name.fcntl64.args)
  end)

  it("has its own spec where the i386 ABI differs", function()
    assert.equals("arg", names_of(by_name.mmap))
    assert.equals("addr,length,prot,flags,fd,pgoffset", names_of(by_name.mmap2))
    assert.equals("flags,stack,parent_tid,tls,child_tid", names_of(by_name.clone))
    assert.equals("fd,buf,count,offset_lo,offset_hi", names_of(by_name.pread64))
    assert.equals("fd,offset_high,offset_low,result_,whence", names_of(by_name._llseek))
    assert.equals("call,args_", names_of(by_name.socketcall))
  end)
end)

describe("the x32 table", function()
  local by_name, by_nr = index(x32)
  local x = index(x86_64)

  it("sets X32_SYSCALL_BIT in every number", function()
    for _, e in ipairs(x32) do assert.is_true(e.nr >= X32_SYSCALL_BIT) end
    assert.equals("read", by_nr[X32_SYSCALL_BIT + 0].name)
  end)

  it("uses the x32 compat numbers 512-547", function()
    assert.equals(X32_SYSCALL_BIT + 512, by_name.rt_sigaction.nr)
    assert.equals(X32_SYSCALL_BIT + 520, by_name.execve.nr)
    assert.is_nil(by_nr[X32_SYSCALL_BIT + 13])
    assert.equals(x.execve.args, by_name.execve.args)
  end)
end)
