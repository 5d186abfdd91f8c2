/* tracee.c - an open-addressing hash table of struct tracee keyed by tid. */
#include "tracee.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct tracee **slots;
static size_t nslots, nused, ntomb;
static struct tracee tombstone;

static size_t hash(pid_t tid)
{
    return ((size_t)(uint32_t)tid * 2654435761u) & (nslots - 1);
}

static void grow(void)
{
    struct tracee **old = slots;
    size_t oldn = nslots;
    nslots = nslots ? nslots * 2 : 64;
    slots = calloc(nslots, sizeof *slots);
    if (!slots) {
        perror("ttlua: out of memory");
        abort();
    }
    nused = ntomb = 0;
    for (size_t i = 0; i < oldn; i++) {
        struct tracee *t = old[i];
        if (t && t != &tombstone) {
            size_t h = hash(t->tid);
            while (slots[h])
                h = (h + 1) & (nslots - 1);
            slots[h] = t;
            nused++;
        }
    }
    free(old);
}

struct tracee *tracee_find(pid_t tid)
{
    if (!nslots)
        return NULL;
    for (size_t h = hash(tid);; h = (h + 1) & (nslots - 1)) {
        struct tracee *t = slots[h];
        if (!t)
            return NULL;
        if (t != &tombstone && t->tid == tid)
            return t;
    }
}

struct tracee *tracee_add(pid_t tid, pid_t pid)
{
    struct tracee *t = tracee_find(tid);
    if (t)
        return t;
    if ((nused + ntomb + 1) * 2 > nslots)
        grow();
    t = calloc(1, sizeof *t);
    if (!t) {
        perror("ttlua: out of memory");
        abort();
    }
    t->tid = tid;
    t->pid = pid;
    size_t h = hash(tid);
    while (slots[h] && slots[h] != &tombstone)
        h = (h + 1) & (nslots - 1);
    if (slots[h] == &tombstone)
        ntomb--;
    slots[h] = t;
    nused++;
    return t;
}

void tracee_remove(struct tracee *t)
{
    for (size_t h = hash(t->tid);; h = (h + 1) & (nslots - 1)) {
        if (!slots[h])
            return;
        if (slots[h] == t) {
            slots[h] = &tombstone;
            nused--;
            ntomb++;
            free(t);
            return;
        }
    }
}

int tracee_count(void)
{
    return (int)nused;
}

void tracee_each(void (*fn)(struct tracee *, void *), void *arg)
{
    for (size_t i = 0; i < nslots; i++) {
        struct tracee *t = slots[i];
        if (t && t != &tombstone)
            fn(t, arg);
    }
}
