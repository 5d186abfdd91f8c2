-- mount(2) old magic (mountflags & 0xffff0000)
return {
  kind = "enum",
  headers = { "linux/fs.h" },
  { "MS_MGC_VAL", 0xc0ed0000 },
}
