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
/* 1 when the log is a terminal, pipe or socket; 0 for a file or /dev/null */
int output_interactive(void);
/* Flush when the log is interactive: before a tracee runs, so what it
 * writes to the same terminal or pipe comes after the line of its call. */
void output_flush_if_interactive(void);

#endif
