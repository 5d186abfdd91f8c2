/* quote.h - strace-style quoting of a byte string, for the log printer
 * (lua/ttlua/types.lua reaches it through the FFI as ttl_quote). */
#ifndef TTLUA_QUOTE_H
#define TTLUA_QUOTE_H

#include <stddef.h>
#include <stdint.h>

/* Write the quoted form of src[0..n) (with its quotes) to dst, which must
 * hold 4 * n + 2 bytes.  Returns the number of bytes written. */
size_t quote_bytes(uint8_t *dst, const uint8_t *src, size_t n, int hex);

#endif
