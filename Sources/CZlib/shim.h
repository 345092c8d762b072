#ifndef CAREERS_CZLIB_SHIM_H
#define CAREERS_CZLIB_SHIM_H
#include <zlib.h>
// deflateInit2 is a macro; Swift needs a function.
static inline int careers_deflateInit2(z_streamp strm, int level, int method, int windowBits, int memLevel, int strategy) {
    return deflateInit2(strm, level, method, windowBits, memLevel, strategy);
}
#endif
