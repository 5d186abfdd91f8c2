-- Fidelity, measured: scripts/compare-strace --quick runs a small corpus
-- (ls, cat, date, cp, find, tar, a shell pipeline, a threaded program, the
-- every-syscall sweep) under strace 6.1
-- and under ttlua's passthru, and counts strace's lines ttlua printed
-- identically.  The share must stay at 95% or more.
local H = require "tests.helper"
local G = require "tests.decode_golden"

describe("compare-strace --quick", function()
  it("ttlua prints at least 95% of strace's lines identically", function()
    if not G.have_strace() then
      pending("strace 6.1 is not installed")
      return
    end
    local r = H.sh(H.q(H.root .. "/scripts/compare-strace") .. " --quick --min 95", { timeout = 300 })
    local same, total, pct = r.out:match("identical: (%d+) of (%d+) strace lines %(([%d.]+)%%%)")
    assert(pct, "no summary line:\n" .. r.out .. r.err)
    assert(tonumber(total) > 500, "too few lines compared:\n" .. r.out)
    assert(tonumber(pct) >= 95, ("%s of %s lines identical (%s%%):\n%s"):format(same, total, pct, r.out))
    assert.are.equal(0, r.status, r.out .. r.err)
  end)
end)
