-- Decoded values are what handlers see: the same decoders that print the
-- strace line give a policy typed values (call.statbuf.st_size after
-- call:run(), call.addr.sin_port, call.argv[1], ...).  Each case runs a
-- golden program under a policy that records what it saw.
local H = require "tests.helper"
local G = require "tests.decode_golden"

local function run(prog, src, args)
  local pol, rec = H.policy(src)
  local argv = { pol, "--", H.progs .. "/" .. prog }
  for _, a in ipairs(args or {}) do argv[#argv + 1] = a end
  local r = H.run(argv)
  return r, H.records(rec)
end

local function find(records, tag)
  for _, e in ipairs(records) do
    if e[1] == tag then return e end
  end
  return nil
end

describe("decoded values seen by handlers", function()
  it("files: statbuf after run, read's buffer, fcntl's flock, getdents64's names, pipe2's fds", function()
    local r, got = run("golden_files", [[
      return {
        fstat = function(c) c:run(); RECORD("fstat", c.statbuf.st_size, c.statbuf.st_mode % 4096) end,
        read = function(c)
          local n = c:run()
          if n == 5 then RECORD("read", c.buf) end
        end,
        fcntl = function(c)
          if c.cmd == 6 then local l = c.arg; RECORD("setlk", l.l_type, l.l_start, l.l_len) end
        end,
        getdents64 = function(c)
          local n = c:run()
          if n > 0 then
            local names = {}
            for _, e in ipairs(c.dirp) do names[#names + 1] = e.d_name end
            table.sort(names)
            RECORD("dents", table.concat(names, ","))
          end
        end,
        pipe2 = function(c) c:run(); RECORD("pipe2", #c.pipefd, c.pipefd[1] >= 0, c.pipefd[2] > c.pipefd[1]) end,
        openat = function(c) if c.pathname == "a.txt" then RECORD("openat", c.flags, c.pathname) end end,
      }
    ]], { G.dir() })
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ "fstat", 46, tonumber("640", 8) }, find(got, "fstat"))
    assert.are.same({ "read", "helXY" }, find(got, "read"))
    assert.are.same({ "setlk", 0, 2, 10 }, find(got, "setlk"))
    assert.are.same({ "dents", ".,..,m" }, find(got, "dents"))
    assert.are.same({ "pipe2", 2, true, true }, find(got, "pipe2"))
    assert.are.same({ "openat", 0x20000 + 0x80000, "a.txt" }, find(got, "openat"))
  end)

  it("sockets: bind's address, accept4's peer, sendmsg's iovecs, socketpair's fds", function()
    local r, got = run("golden_net", [[
      return {
        bind = function(c)
          local a = c.addr
          RECORD("bind", a.sa_family or a.sin_family or a.sun_family, a.sin_port, a.sun_path)
        end,
        accept4 = function(c)
          c:run()
          RECORD("accept4", c.addr.sin_family, c.addr.sin_addr.s_addr == 0x7f000001, c.addrlen)
        end,
        sendmsg = function(c)
          local m = c.msg
          RECORD("sendmsg", #m.iov, m.iov[1].data, m.iov[2].data)
        end,
        getsockname = function(c) c:run(); RECORD("getsockname", c.addr.sin_port > 0) end,
      }
    ]], { G.dir() })
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ "bind", 2, 0 }, find(got, "bind"))
    assert.are.same({ "accept4", 2, true, 16 }, find(got, "accept4"))
    assert.are.same({ "sendmsg", 2, "one", "two!" }, find(got, "sendmsg"))
    assert.are.same({ "getsockname", true }, find(got, "getsockname"))
  end)

  it("processes: execve's argv and envp, wait4's status, clone3's args", function()
    local r, got = run("golden_proc", [[
      return {
        execve = function(c)
          if c.pathname == "/bin/true" then RECORD("execve", c.argv[1], c.argv[2], c.envp[2]) end
        end,
        wait4 = function(c)
          c:run()
          local w = c.wstatus
          if w then RECORD("wait4", w.exited or -1, w.signal or 0) end
        end,
        clone3 = function(c) RECORD("clone3", c.cl_args.flags, c.cl_args.exit_signal, c.size) end,
      }
    ]])
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ "execve", "true", "x y", "B=2" }, find(got, "execve"))
    assert.are.same({ "wait4", 3, 0 }, find(got, "wait4"))
    local sawkill = false
    for _, e in ipairs(got) do if e[1] == "wait4" and e[3] == 9 then sawkill = true end end
    assert.is_true(sawkill)
    assert.are.same({ "clone3", 0x100000, 17, 88 }, find(got, "clone3"))
  end)

  it("signals, poll, ioctl, CPU sets: sets as lists, pollfds, termios and winsize tables", function()
    local r, got = run("golden_signals", [[
      return {
        rt_sigprocmask = function(c)
          local s = c.set
          if s and #s == 2 then RECORD("mask", s[1], s[2]) end
        end,
      }
    ]])
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ "mask", 12, 17 }, find(got, "mask"))

    r, got = run("golden_poll", [[
      return {
        poll = function(c)
          c:run()
          local f = c.fds
          if #f == 3 then RECORD("poll", #f, f[1].events, f[1].revents, f[3].fd) end
        end,
      }
    ]])
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ "poll", 3, 3, 1, -1 }, find(got, "poll"))

    r, got = run("golden_ioctl", [[
      return {
        ioctl = function(c)
          c:run()
          if c.request == 0x5401 and c.result == 0 then RECORD("tcgets", c.argp.c_iflag) end
          if c.request == 0x5413 then RECORD("winsz", c.argp.ws_row, c.argp.ws_col) end
          if c.request == 0x541b then RECORD("fionread", c.argp) end
        end,
      }
    ]], { G.dir() })
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ "tcgets", 0x100 + 0x400 }, find(got, "tcgets"))
    assert.are.same({ "winsz", 24, 80 }, find(got, "winsz"))
    assert.are.same({ "fionread", 3 }, find(got, "fionread"))

    r, got = run("golden_misc", [[
      return {
        sched_getaffinity = function(c) c:run(); RECORD("cpus", #c.mask > 0, c.mask[1]) end,
        getrandom = function(c) c:run(); RECORD("rnd", #c.buf) end,
        writev = function(c) RECORD("writev", c.iov[1].data, c.iov[2].data, c.iov[2].len) end,
      }
    ]], { G.dir() })
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ "cpus", true, 0 }, find(got, "cpus"))
    assert.are.same({ "rnd", 4 }, find(got, "rnd"))
    assert.are.same({ "writev", "abc", "defgh", 5 }, find(got, "writev"))
  end)

  it("a bad pointer gives the address in the line and nil to the handler, never an error", function()
    local r, got = run("golden_files", [[
      return {
        newfstatat = function(c)
          c:run()
          if c.pathname == "missing" then RECORD("stat", c.statbuf == nil, c.result) end
        end,
      }
    ]], { G.dir() })
    assert.are.equal(0, r.status, r.err)
    assert.are.same({ "stat", true, -2 }, find(got, "stat"))
    assert.is_nil(r.err:find("traceback"), r.err)
  end)
end)
