/* golden.h: helpers for the golden_*.c programs (decoder golden tests).
 * A golden program makes system calls with known values and, at the end,
 * writes to stdout the exact lines strace prints for them (without the
 * padding before " = "); tests/decode_golden.lua checks that ttlua (and,
 * where installed, strace 6.1) printed each of those lines, in order. */
#ifndef GOLDEN_H
#define GOLDEN_H
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char golden_buf[1 << 17];
static size_t golden_len;

__attribute__((format(printf, 1, 2))) static void expect(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(golden_buf + golden_len, sizeof golden_buf - golden_len - 1, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n < sizeof golden_buf - golden_len - 1) {
        golden_len += (size_t)n;
        golden_buf[golden_len++] = '\n';
    }
}

/* An address as strace prints it. */
__attribute__((unused)) static const char *ptr(const void *p)
{
    static char bufs[8][32];
    static int i;
    char *b = bufs[i++ % 8];
    if (!p)
        return "NULL";
    snprintf(b, 32, "%#lx", (unsigned long)p);
    return b;
}

static int golden_done(void)
{
    size_t off = 0;
    while (off < golden_len) {
        ssize_t n = write(1, golden_buf + off, golden_len - off);
        if (n <= 0)
            return 1;
        off += (size_t)n;
    }
    return 0;
}
#endif
