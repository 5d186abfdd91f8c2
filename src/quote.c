/* quote.c - strace-style quoting of tracee bytes, the printer's fast path.
 * Same rules as lua/ttlua/quote.lua (tests/perf_spec.lua compares them):
 * printable ASCII as is; \t \n \v \f \r \" \\; other bytes in octal with
 * the fewest digits that stay unambiguous (three when an octal digit
 * follows); with hex, every byte as \xNN. */
#include "quote.h"

static int needs_escape(uint8_t c)
{
    return c < 32 || c >= 127 || c == '"' || c == '\\';
}

/* The letter after the backslash for the escapes C spells with one. */
static uint8_t simple_escape(uint8_t c)
{
    switch (c) {
    case '\t':
        return 't';
    case '\n':
        return 'n';
    case '\v':
        return 'v';
    case '\f':
        return 'f';
    case '\r':
        return 'r';
    case '"':
        return '"';
    case '\\':
        return '\\';
    default:
        return 0;
    }
}

size_t quote_bytes(uint8_t *dst, const uint8_t *src, size_t n, int hex)
{
    static const char digits[] = "0123456789abcdef";
    uint8_t *d = dst;
    *d++ = '"';
    for (size_t i = 0; i < n; i++) {
        uint8_t c = src[i];
        if (hex) {
            *d++ = '\\';
            *d++ = 'x';
            *d++ = (uint8_t)digits[c >> 4];
            *d++ = (uint8_t)digits[c & 15];
            continue;
        }
        if (!needs_escape(c)) {
            *d++ = c;
            continue;
        }
        *d++ = '\\';
        uint8_t e = simple_escape(c);
        if (e) {
            *d++ = e;
            continue;
        }
        int next_digit = i + 1 < n && src[i + 1] >= '0' && src[i + 1] <= '7';
        if (next_digit || c >= 64)
            *d++ = (uint8_t)('0' + (c >> 6));
        if (next_digit || c >= 8)
            *d++ = (uint8_t)('0' + ((c >> 3) & 7));
        *d++ = (uint8_t)('0' + (c & 7));
    }
    *d++ = '"';
    return (size_t)(d - dst);
}
