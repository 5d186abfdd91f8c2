/* filter.c - the tracee's seccomp filter through libseccomp.
 * Built in the tracer before fork, loaded by the child right before execve. */
#include "filter.h"

#include "guard.h"

#include <errno.h>
#include <seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>

static scmp_filter_ctx ctx;
static int nrules;
static int all;
static int finished; /* the guard's rules are in */

/* The guard's rules go in last, once, before the filter is used. */
static void finish(void)
{
    if (ctx && !finished) {
        finished = 1;
        guard_filter_rules();
    }
}

int filter_init(int trace_all)
{
    if (ctx)
        seccomp_release(ctx);
    all = trace_all;
    nrules = 0;
    finished = 0;
    ctx = seccomp_init(trace_all ? SCMP_ACT_TRACE(0) : SCMP_ACT_ALLOW);
    if (!ctx)
        return -ENOMEM;
    /* Calls of another ABI (int 0x80, x32) stop so the policy decides;
     * libseccomp would otherwise kill the thread. */
    seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(1));
    /* The child sets no_new_privs itself only when it lacks CAP_SYS_ADMIN. */
    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
#if SCMP_VER_MAJOR > 2 || (SCMP_VER_MAJOR == 2 && SCMP_VER_MINOR >= 5)
    seccomp_attr_set(ctx, SCMP_FLTATR_API_SYSRAWRC, 1);
#endif
    return 0;
}

int filter_trace(int nr)
{
    if (!ctx)
        return -EINVAL;
    nrules++;
    if (all)
        return 0;
    return seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), nr, 0);
}

static uint32_t action_of(int action, int errno_value)
{
    switch (action) {
    case FACT_ALLOW:
        return SCMP_ACT_ALLOW;
    case FACT_ERRNO:
        return SCMP_ACT_ERRNO((uint16_t)errno_value);
    case FACT_KILL:
        return SCMP_ACT_KILL_PROCESS;
    default:
        return SCMP_ACT_TRACE(0);
    }
}

int filter_rule(int nr, int action, int errno_value, int ncmp, const int *args, const int *ops,
                const uint64_t *a, const uint64_t *b)
{
    if (!ctx || ncmp < 0 || ncmp > 6)
        return -EINVAL;
    struct scmp_arg_cmp cmp[6];
    for (int i = 0; i < ncmp; i++) {
        if (args[i] < 0 || args[i] > 5 || ops[i] < FOP_NE || ops[i] > FOP_MASKED_EQ)
            return -EINVAL;
        cmp[i] = (struct scmp_arg_cmp){(unsigned)args[i], (enum scmp_compare)ops[i], a[i], b[i]};
    }
    nrules++;
    return seccomp_rule_add_array(ctx, action_of(action, errno_value), nr, (unsigned)ncmp, cmp);
}

int filter_guard_rule(int nr, int ncmp, const int *args, const int *ops, const uint64_t *a,
                      const uint64_t *b)
{
    if (!ctx)
        return -EINVAL;
    if (all)
        return 0; /* every call stops already */
    struct scmp_arg_cmp cmp[6];
    for (int i = 0; i < ncmp && i < 6; i++)
        cmp[i] = (struct scmp_arg_cmp){(unsigned)args[i], (enum scmp_compare)ops[i], a[i], b[i]};
    return seccomp_rule_add_array(ctx, SCMP_ACT_TRACE(0), nr, (unsigned)ncmp, cmp);
}

int filter_load(void)
{
    if (!ctx)
        return 0;
    finish();
    int rc = seccomp_load(ctx);
    if (rc < 0 && prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0) {
        /* Without CAP_SYS_ADMIN the kernel requires no_new_privs (EACCES;
         * libseccomp >= 2.5 reports ECANCELED unless told to pass the
         * kernel's code through). */
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
            return -errno;
        rc = seccomp_load(ctx);
    }
    return rc;
}

int filter_dump(int fd)
{
    finish();
    return ctx ? seccomp_export_pfc(ctx, fd) : -EINVAL;
}

int filter_is_empty(void)
{
    return !all && nrules == 0;
}
