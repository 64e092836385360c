#ifndef DLTOP_CZLIB_SHIM_H
#define DLTOP_CZLIB_SHIM_H
#include <zlib.h>
#endif
