#ifndef CAREERS_CEPOLL_SHIM_H
#define CAREERS_CEPOLL_SHIM_H
// Glibc's Swift module map leaves out epoll and eventfd, which the HTTP event loops need, and
// declares accept4 only under _GNU_SOURCE: it is declared here under its own name.
#include <sys/epoll.h>
#include <sys/eventfd.h>

extern int cepoll_accept4(int fd, void *address, unsigned int *length, int flags) __asm__("accept4");
#endif
