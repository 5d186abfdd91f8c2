/* filter.c - the tracee's seccomp filter through libseccomp.
 * Built in the tracer before fork, loaded by the child right before execve.
 *
 * TRACE requests and static rules are recorded first and turned into
 * libseccomp rules by filter_build(), because libseccomp cannot mix an
 * unconditional rule and conditional ones for the same syscall: given
 * TRACE(socket) and ERRNO(socket if domain == AF_INET), it silently keeps
 * only the TRACE.  So, for a syscall that is both traced and ruled:
 *   - errno rules go to a second filter; the kernel runs every filter and
 *     takes the strongest action (ERRNO beats TRACE), so they still win;
 *   - an allow rule (at most one per syscall) turns the TRACE into TRACE
 *     rules for its complement (each comparison negated).
 * The guard's conditional TRACE rules (guard.c) count as tracing their
 * syscall for this.  With a default handler (every call traced) rules go
 * into the one filter as they are.  lua/ttlua/rules.lua decides which rules may be compiled
 * (no two overlapping rules with different actions on one syscall: the
 * filter libseccomp builds for those depends on its internal order). */
#include "filter.h"

#include "guard.h"

#include <errno.h>
#include <seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>

#define MAX_NR    1024
#define MAX_RULES 512

struct frule {
    int nr, action, errno_value, ncmp;
    struct scmp_arg_cmp cmp[6];
};

static scmp_filter_ctx ctx, rules_ctx;
static struct frule rules[MAX_RULES];
static unsigned char traced[MAX_NR];  /* 1: every call of nr stops */
static unsigned char guarded[MAX_NR]; /* 1: some calls of nr stop (a TRACE rule) */
static int nrules, ntraced;
static int all, built, use_rules_ctx;

int filter_init(int trace_all)
{
    if (ctx)
        seccomp_release(ctx);
    if (rules_ctx)
        seccomp_release(rules_ctx);
    all = trace_all;
    nrules = ntraced = built = use_rules_ctx = 0;
    memset(traced, 0, sizeof traced);
    memset(guarded, 0, sizeof guarded);
    ctx = seccomp_init(trace_all ? SCMP_ACT_TRACE(0) : SCMP_ACT_ALLOW);
    rules_ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx || !rules_ctx)
        return -ENOMEM;
    /* Calls of another ABI (int 0x80, x32) stop so the policy decides;
     * libseccomp would otherwise kill the thread. */
    seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(1));
    seccomp_attr_set(rules_ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ALLOW);
    /* The child sets no_new_privs itself only when it lacks CAP_SYS_ADMIN. */
    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
    seccomp_attr_set(rules_ctx, SCMP_FLTATR_CTL_NNP, 0);
#if SCMP_VER_MAJOR > 2 || (SCMP_VER_MAJOR == 2 && SCMP_VER_MINOR >= 5)
    seccomp_attr_set(ctx, SCMP_FLTATR_API_SYSRAWRC, 1);
    seccomp_attr_set(rules_ctx, SCMP_FLTATR_API_SYSRAWRC, 1);
#endif
    return 0;
}

int filter_trace(int nr)
{
    if (!ctx || built)
        return -EINVAL;
    if (all)
        return 0;
    if (nr < 0 || nr >= MAX_NR)
        return -EINVAL;
    if (!traced[nr])
        ntraced++;
    traced[nr] = 1;
    return 0;
}

int filter_traced(int nr)
{
    return all || (nr >= 0 && nr < MAX_NR && traced[nr]);
}

int filter_rule(int nr, int action, int errno_value, int ncmp, const int *args, const int *ops,
                const uint64_t *a, const uint64_t *b)
{
    if (!ctx || built || ncmp < 0 || ncmp > 6 || nr < 0 || nr >= MAX_NR)
        return -EINVAL;
    if (action != FACT_ALLOW && action != FACT_ERRNO && action != FACT_KILL && action != FACT_TRACE)
        return -EINVAL;
    if (action == FACT_ERRNO && (errno_value < 0 || errno_value > 4095))
        return -EINVAL;
    if (nrules == MAX_RULES)
        return -ENOSPC;
    struct frule *r = &rules[nrules];
    for (int i = 0; i < ncmp; i++) {
        if (args[i] < 0 || args[i] > 5 || ops[i] < FOP_NE || ops[i] > FOP_MASKED_EQ)
            return -EINVAL;
        for (int j = 0; j < i; j++)
            if (args[j] == args[i])
                return -EINVAL; /* libseccomp: one comparison per argument */
        r->cmp[i] = (struct scmp_arg_cmp){(unsigned)args[i], (enum scmp_compare)ops[i], a[i], b[i]};
    }
    r->nr = nr;
    r->action = action;
    r->errno_value = errno_value;
    r->ncmp = ncmp;
    nrules++;
    if (action == FACT_TRACE)
        guarded[nr] = 1;
    return 0;
}

int filter_guard_rule(int nr, int ncmp, const int *args, const int *ops, const uint64_t *a,
                      const uint64_t *b)
{
    if (all)
        return 0; /* every call stops already */
    return filter_rule(nr, FACT_TRACE, 0, ncmp, args, ops, a, b);
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

/* TRACE every call of nr that the allow rule r does not match: one rule per
 * way of failing one of its comparisons. */
static int trace_complement(const struct frule *r)
{
    for (int i = 0; i < r->ncmp; i++) {
        struct scmp_arg_cmp c = r->cmp[i];
        static const enum scmp_compare neg[] = {
            [SCMP_CMP_NE] = SCMP_CMP_EQ, [SCMP_CMP_LT] = SCMP_CMP_GE, [SCMP_CMP_LE] = SCMP_CMP_GT,
            [SCMP_CMP_EQ] = SCMP_CMP_NE, [SCMP_CMP_GE] = SCMP_CMP_LT, [SCMP_CMP_GT] = SCMP_CMP_LE,
        };
        int rc;
        if (c.op != SCMP_CMP_MASKED_EQ) {
            c.op = neg[c.op];
            rc = seccomp_rule_add_array(ctx, SCMP_ACT_TRACE(0), r->nr, 1, &c);
            if (rc < 0)
                return rc;
            continue;
        }
        /* (x & m) != v: some bit of m differs from v */
        for (int bit = 0; bit < 64; bit++) {
            uint64_t m = 1ULL << bit;
            if (!(r->cmp[i].datum_a & m))
                continue;
            c.datum_a = m;
            c.datum_b = ~r->cmp[i].datum_b & m;
            rc = seccomp_rule_add_array(ctx, SCMP_ACT_TRACE(0), r->nr, 1, &c);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

int filter_build(void)
{
    if (!ctx)
        return -EINVAL;
    if (built)
        return 0;
    /* the guard's rules last, so that the policy's come first (guard.h) */
    guard_filter_rules();
    built = 1;
    int rc;
    for (int i = 0; i < nrules; i++) {
        struct frule *r = &rules[i];
        uint32_t act = action_of(r->action, r->errno_value);
        if (r->action == FACT_ALLOW) {
            if (!all)
                continue; /* the default; a traced nr gets its complement below */
            rc = seccomp_rule_add_array(ctx, act, r->nr, (unsigned)r->ncmp, r->cmp);
        } else if (r->action == FACT_TRACE) {
            if (all || traced[r->nr])
                continue; /* every call of nr stops anyway */
            rc = seccomp_rule_add_array(ctx, act, r->nr, (unsigned)r->ncmp, r->cmp);
        } else if (!all && (traced[r->nr] || guarded[r->nr])) {
            use_rules_ctx = 1;
            rc = seccomp_rule_add_array(rules_ctx, act, r->nr, (unsigned)r->ncmp, r->cmp);
        } else {
            rc = seccomp_rule_add_array(ctx, act, r->nr, (unsigned)r->ncmp, r->cmp);
        }
        if (rc < 0)
            return rc;
    }
    for (int nr = 0; !all && nr < MAX_NR; nr++) {
        if (!traced[nr])
            continue;
        const struct frule *allow = NULL;
        int nallow = 0;
        for (int i = 0; i < nrules; i++) {
            if (rules[i].nr == nr && rules[i].action == FACT_ALLOW) {
                allow = &rules[i];
                nallow++;
            }
        }
        if (nallow == 1 && allow->ncmp > 0)
            rc = trace_complement(allow);
        else if (nallow == 1)
            rc = 0; /* allowed without condition: never traced */
        else
            rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), nr, 0);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int load_one(scmp_filter_ctx c)
{
    int rc = seccomp_load(c);
    if (rc < 0 && prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0) {
        /* Without CAP_SYS_ADMIN the kernel requires no_new_privs (EACCES;
         * libseccomp >= 2.5 reports ECANCELED unless told to pass the
         * kernel's code through). */
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
            return -errno;
        rc = seccomp_load(c);
    }
    return rc;
}

int filter_load(void)
{
    if (!ctx)
        return 0;
    int rc = filter_build();
    if (rc < 0)
        return rc;
    rc = load_one(ctx);
    if (rc < 0 || !use_rules_ctx)
        return rc;
    return load_one(rules_ctx);
}

int filter_dump(int fd)
{
    if (!ctx)
        return -EINVAL;
    int rc = filter_build();
    if (rc < 0)
        return rc;
    rc = seccomp_export_pfc(ctx, fd);
    if (rc < 0 || !use_rules_ctx)
        return rc;
    return seccomp_export_pfc(rules_ctx, fd);
}

int filter_is_empty(void)
{
    return !all && ntraced == 0 && nrules == 0;
}
