/* filter.h - the seccomp filter, built with libseccomp from the policy's
 * handler set: SECCOMP_RET_TRACE for handled syscalls, ALLOW for the rest,
 * and static rules (fixed errno, allow) that never wake the tracer. */
#ifndef TTLUA_FILTER_H
#define TTLUA_FILTER_H

#include <stdint.h>

/* Comparison operators for rule arguments (same order as libseccomp's
 * enum scmp_compare, starting at 1). */
enum filter_op { FOP_NE = 1, FOP_LT, FOP_LE, FOP_EQ, FOP_GE, FOP_GT, FOP_MASKED_EQ };

/* Actions a static rule may take. */
enum filter_action { FACT_ALLOW, FACT_ERRNO, FACT_TRACE, FACT_KILL };

int filter_init(int trace_all);
/* Stop at every call of nr (SECCOMP_RET_TRACE); recorded, built later. */
int filter_trace(int nr);
/* 1 when calls of nr stop (traced, or everything is). */
int filter_traced(int nr);
/* A static rule on nr: action (FACT_*) when every comparison holds
 * (args[i] is 0..5; ops[i] a filter_op; a[i], b[i] its data, b the value
 * for FOP_MASKED_EQ).  FACT_TRACE: stop at those calls (the guard's).
 * Recorded, built later.  Returns 0 or -errno. */
int filter_rule(int nr, int action, int errno_value, int ncmp, const int *args, const int *ops,
                const uint64_t *a, const uint64_t *b);
/* A TRACE rule the guard needs (guard.c); a no-op when every call stops. */
int filter_guard_rule(int nr, int ncmp, const int *args, const int *ops, const uint64_t *a,
                      const uint64_t *b);
/* Turn what was recorded into libseccomp rules (once; load and dump call
 * it too).  Returns 0 or -errno. */
int filter_build(void);
/* In the child, just before execve: load the filter.  Returns 0 or -errno. */
int filter_load(void);
/* Print the filter in libseccomp's pseudo-code (for --dump-filter). */
int filter_dump(int fd);
int filter_is_empty(void);

#endif
