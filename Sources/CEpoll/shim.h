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

// O_TMPFILE, memfd_create and file seals are declared only under _GNU_SOURCE as well. A document
// served many times is kept in an unnamed file so that plain connections send it with
// sendfile(2) (HTTPServer's SharedBody). glibc's __O_TMPFILE is the architecture's value; the
// other constants are the kernel's ABI values (linux/memfd.h, fcntl.h).
#include <fcntl.h>
static const int cepoll_O_TMPFILE = __O_TMPFILE;
extern int cepoll_memfd_create(const char *name, unsigned int flags) __asm__("memfd_create");
enum {
    CEPOLL_MFD_CLOEXEC = 0x0001,
    CEPOLL_MFD_ALLOW_SEALING = 0x0002,
    CEPOLL_F_ADD_SEALS = 1024 + 9,
    CEPOLL_F_SEAL_SEAL = 0x0001,
    CEPOLL_F_SEAL_SHRINK = 0x0002,
    CEPOLL_F_SEAL_GROW = 0x0004,
    CEPOLL_F_SEAL_WRITE = 0x0008,
};
#endif
