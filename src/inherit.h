/* inherit.h - what the command inherits from ttlua's own parent, unchanged:
 * open descriptors, signal dispositions and the signal mask as they were
 * when ttlua started, not as ttlua (or a policy) changed them since. */
#ifndef TTLUA_INHERIT_H
#define TTLUA_INHERIT_H

/* At start-up, before anything opens a file or changes a signal. */
void inherit_save(void);
/* Was sig ignored when ttlua started (nohup, `cmd &` in a script)? */
int inherit_ignored(int sig);
/* In the child, before execve: restore the dispositions and the mask, and
 * close every descriptor ttlua opened itself except keep (-1: none).
 * Async-signal-safe apart from reading /proc/self/fd. */
void inherit_restore(int keep);

#endif
