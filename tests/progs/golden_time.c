/* golden_time: clock_nanosleep, nanosleep, clock_gettime/getres, gettimeofday,
 * time, timer_create/settime/gettime/delete, timerfd, setitimer/getitimer, alarm. */
#include "golden.h"
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>

int main(void)
{
    struct timespec req = {0, 2000000}, rem = {9, 9};
    syscall(SYS_nanosleep, &req, &rem);
    expect("nanosleep({tv_sec=0, tv_nsec=2000000}, %s) = 0", ptr(&rem));
    syscall(SYS_nanosleep, &req, NULL);
    expect("nanosleep({tv_sec=0, tv_nsec=2000000}, NULL) = 0");
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &rem);
    expect("clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=2000000}, %s) = 0", ptr(&rem));
    struct timespec now;
    syscall(SYS_clock_gettime, CLOCK_REALTIME, &now);
    expect("clock_gettime(CLOCK_REALTIME, {tv_sec=%ld, tv_nsec=%ld}) = 0", (long)now.tv_sec,
           now.tv_nsec);
    struct timespec abs = {now.tv_sec - 10, 0};
    syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &abs, NULL);
    expect("clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=%ld, tv_nsec=0}, NULL) = 0",
           (long)abs.tv_sec);
    struct timespec res;
    syscall(SYS_clock_getres, CLOCK_BOOTTIME, &res);
    expect("clock_getres(CLOCK_BOOTTIME, {tv_sec=%ld, tv_nsec=%ld}) = 0", (long)res.tv_sec,
           res.tv_nsec);
    syscall(SYS_clock_gettime, 12345, &now);
    expect("clock_gettime(0x3039 /* CLOCK_??? */, %s) = -1 EINVAL (Invalid argument)", ptr(&now));
    struct timeval tv;
    syscall(SYS_gettimeofday, &tv, NULL);
    expect("gettimeofday({tv_sec=%ld, tv_usec=%ld}, NULL) = 0", (long)tv.tv_sec, (long)tv.tv_usec);
    time_t t;
    long r = syscall(SYS_time, &t);
    char date[64];
    struct tm tm;
    strftime(date, sizeof date, "%FT%T%z", localtime_r(&t, &tm));
    expect("time([%ld /* %s */]) = %ld (%s)", (long)t, date, r, date);

    timer_t tid;
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_NONE;
    syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid);
    expect("timer_create(CLOCK_MONOTONIC, {sigev_signo=0, sigev_notify=SIGEV_NONE}, [%d]) = 0",
           (int)(intptr_t)tid);
    timer_t tid2;
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGUSR1;
    sev.sigev_value.sival_ptr = &tid2;
    syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &tid2);
    expect("timer_create(CLOCK_REALTIME, {sigev_value={sival_int=%d, sival_ptr=%s}, "
           "sigev_signo=SIGUSR1, "
           "sigev_notify=SIGEV_SIGNAL}, [%d]) = 0",
           (int)(intptr_t)&tid2, ptr(&tid2), (int)(intptr_t)tid2);
    struct itimerspec its = {{0, 0}, {100, 0}}, old;
    syscall(SYS_timer_settime, (long)(intptr_t)tid, 0, &its, &old);
    expect("timer_settime(%d, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, "
           "tv_nsec=0}}, "
           "{it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0",
           (int)(intptr_t)tid);
    syscall(SYS_timer_delete, (long)(intptr_t)tid);
    expect("timer_delete(%d) = 0", (int)(intptr_t)tid);

    int tfd = (int)syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    expect("timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = %d", tfd);
    struct itimerspec tts = {{1, 5}, {3, 0}};
    syscall(SYS_timerfd_settime, tfd, 0, &tts, NULL);
    expect("timerfd_settime(%d, 0, {it_interval={tv_sec=1, tv_nsec=5}, it_value={tv_sec=3, "
           "tv_nsec=0}}, NULL) = 0",
           tfd);

    struct itimerval iv = {{0, 0}, {50, 0}}, oiv;
    syscall(SYS_setitimer, ITIMER_REAL, &iv, &oiv);
    expect("setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=50, "
           "tv_usec=0}}, "
           "{it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0");
    r = syscall(SYS_alarm, 0);
    expect("alarm(0) = %ld", r);
    return golden_done();
}
