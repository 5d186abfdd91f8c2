/* tree: a process tree that waits forever, for killing its tracer.
 *   tree FILE   the process, a child, a grandchild and an orphan (whose
 *               parent exited) each append their pid to FILE, then pause.
 * The last line written is "ready". */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int out;

static void note(const char *what)
{
    char line[64];
    int n = snprintf(line, sizeof line, "%s %d\n", what, (int)getpid());
    if (write(out, line, (size_t)n) != n)
        _exit(3);
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    out = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0644);
    int ready[2];
    if (out < 0 || pipe(ready) < 0)
        return 2;
    note("main");
    if (fork() == 0) {
        note("child");
        if (fork() == 0) {
            note("grandchild");
            close(ready[1]);
            for (;;)
                pause();
        }
        if (fork() == 0) {
            if (fork() == 0) {
                note("orphan");
                close(ready[1]);
                for (;;)
                    pause();
            }
            _exit(0); /* the orphan's parent */
        }
        close(ready[1]);
        for (;;)
            pause();
    }
    close(ready[1]);
    char c;
    /* every other process closed its end once it wrote its line */
    if (read(ready[0], &c, 1) != 0)
        return 3;
    if (write(out, "ready\n", 6) != 6)
        return 3;
    for (;;)
        pause();
}
