-- struct ifreq ifr_flags
-- Names and their order: strace 6.1 (xlat/iffflags.in);
-- names strace added later sit where its current list puts them.
-- Values: the x86_64 headers listed below.
return {
  kind = "flags",
  headers = { "linux/if.h" },
  unknown = "IFF_???",
  { "IFF_UP", 0x1 },
  { "IFF_BROADCAST", 0x2 },
  { "IFF_DEBUG", 0x4 },
  { "IFF_LOOPBACK", 0x8 },
  { "IFF_POINTOPOINT", 0x10 },
  { "IFF_NOTRAILERS", 0x20 },
  { "IFF_RUNNING", 0x40 },
  { "IFF_NOARP", 0x80 },
  { "IFF_PROMISC", 0x100 },
  { "IFF_ALLMULTI", 0x200 },
  { "IFF_MASTER", 0x400 },
  { "IFF_SLAVE", 0x800 },
  { "IFF_MULTICAST", 0x1000 },
  { "IFF_PORTSEL", 0x2000 },
  { "IFF_AUTOMEDIA", 0x4000 },
  { "IFF_DYNAMIC", 0x8000 },
  { "IFF_LOWER_UP", 0x10000 },
  { "IFF_DORMANT", 0x20000 },
  { "IFF_ECHO", 0x40000 },
}
