-- struct mount_attr propagation
-- Names and their order: strace 6.1 (xlat/mount_attr_propagation.in); values: the x86_64 headers listed below.
return {
  kind = "enum",
  headers = { "linux/mount.h" },
  unknown = "MS_???",
  { "MS_UNBINDABLE", 131072 },
  { "MS_PRIVATE", 262144 },
  { "MS_SLAVE", 524288 },
  { "MS_SHARED", 1048576 },
}
