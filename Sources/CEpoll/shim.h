#ifndef CAREERS_CEPOLL_SHIM_H
#define CAREERS_CEPOLL_SHIM_H
// Glibc's Swift module map leaves out epoll and eventfd, which the HTTP event loops need, and
// declares accept4 only under _GNU_SOURCE: it is declared here under its own name.
#include <sys/epoll.h>
#include <sys/eventfd.h>

extern int cepoll_accept4(int fd, void *address, unsigned int *length, int flags) __asm__("accept4");

// sched_getaffinity is declared only under _GNU_SOURCE too. The mask is passed as raw bytes
// (the kernel's cpumask: one bit per CPU), so no glibc cpu_set_t macro is needed.
extern int cepoll_sched_getaffinity(int pid, unsigned long size, void *mask) __asm__("sched_getaffinity");
// malloc_trim (glibc's malloc.h, outside its Swift module): hands memory freed by many closed
// connections back to the system.
extern int cepoll_malloc_trim(unsigned long pad) __asm__("malloc_trim");
#endif
