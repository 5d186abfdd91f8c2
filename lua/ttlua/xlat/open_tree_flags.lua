-- open_tree(2) flags
-- Names and their order: strace 6.1 (xlat/open_tree_flags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/mount.h", "linux/fcntl.h" },
  unknown = "OPEN_TREE_???",
  { "OPEN_TREE_CLONE", 0x1 },
  { "OPEN_TREE_NAMESPACE", 0x2, since = "7.0" },
  { "OPEN_TREE_CLOEXEC", 0x80000 },
  { "AT_SYMLINK_NOFOLLOW", 0x100 },
  { "AT_REMOVEDIR", 0x200 },
  { "AT_SYMLINK_FOLLOW", 0x400 },
  { "AT_NO_AUTOMOUNT", 0x800 },
  { "AT_EMPTY_PATH", 0x1000 },
  { "AT_RECURSIVE", 0x8000 },
}
