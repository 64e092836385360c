#ifndef DLTOP_CBLAS_SHIM_H
#define DLTOP_CBLAS_SHIM_H
// Debian's libopenblas-dev installs cblas.h through the alternatives system at
// /usr/include/x86_64-linux-gnu/cblas.h (or /usr/include/openblas/cblas.h).
#if __has_include(<cblas.h>)
#include <cblas.h>
#else
#include <openblas/cblas.h>
#endif
#endif
