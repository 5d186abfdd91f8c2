/* output.h - the trace log: one buffered descriptor (stderr or -o FILE).
 * Lua appends text; the event loop flushes before it blocks, so a reader
 * of the log sees every line of calls that already happened. */
#ifndef TTLUA_OUTPUT_H
#define TTLUA_OUTPUT_H

#include <stddef.h>

int output_open(const char *path); /* NULL = stderr; returns 0 or -errno */
void output_write(const char *s, size_t n);
void output_flush(void);
int output_pending(void);
/* 1 when the log is a terminal or pipe (flush before blocking), 0 for a file */
int output_interactive(void);

#endif
