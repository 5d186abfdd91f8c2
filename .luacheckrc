-- luacheck configuration for ttlua (Debian lua-check).
std = "luajit"
max_line_length = 120
codes = true
files["tests/"] = { std = "+busted" }
files["lua/examples/"] = { globals = {} }
exclude_files = { "build/" }
