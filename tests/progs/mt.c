/* mt: threads making calls at once, for injection tests.
 *   mt N M   thread 0 blocks reading a pipe; threads 1..N each write
 *            "tK.i\n" M times to stdout, and the last one to finish
 *            writes "go" into the pipe, which ends thread 0's read. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int pfd[2], m, left;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *reader(void *arg)
{
    char buf[8] = {0};
    (void)arg;
    ssize_t n = read(pfd[0], buf, sizeof buf - 1);
    char line[64];
    int len = snprintf(line, sizeof line, "reader got %zd [%s]\n", n, buf);
    if (write(1, line, (size_t)len) < 0)
        exit(1);
    return NULL;
}

static void *writer(void *arg)
{
    int k = (int)(long)arg;
    char line[32];
    for (int i = 0; i < m; i++) {
        int len = snprintf(line, sizeof line, "t%d.%d\n", k, i);
        if (write(1, line, (size_t)len) < 0)
            exit(1);
    }
    pthread_mutex_lock(&lock);
    if (--left == 0 && write(pfd[1], "go", 2) < 0)
        exit(1);
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 3 || pipe(pfd) < 0)
        return 2;
    int n = atoi(argv[1]);
    m = atoi(argv[2]);
    left = n;
    pthread_t r, w[64];
    pthread_create(&r, NULL, reader, NULL);
    for (int k = 0; k < n && k < 64; k++)
        pthread_create(&w[k], NULL, writer, (void *)(long)(k + 1));
    for (int k = 0; k < n && k < 64; k++)
        pthread_join(w[k], NULL);
    pthread_join(r, NULL);
    return 0;
}
