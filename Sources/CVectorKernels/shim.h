#ifndef DLTOP_CVECTORKERNELS_SHIM_H
#define DLTOP_CVECTORKERNELS_SHIM_H
// Adam's elementwise update with the processor's widest vectors (AVX-512 or AVX2), chosen at run
// time. Swift compiles for the x86-64 baseline (SSE, 4 floats per instruction) and has no way to
// compile one function for a wider instruction set, so this header-only shim does it with clang's
// per-function `target` attribute; Swift imports the static inline functions and clang compiles
// them (no C file to build or link). Every operation is the same IEEE single-precision operation
// Swift's scalar loop performs, in the same order (multiplies and adds are never fused, square root
// and division are correctly rounded), so each path gives bit-identical weights.
#include <stddef.h>
#include <stdint.h>

/// The vector width the kernels below may use: 0 none (use the Swift loop), 1 AVX2, 2 AVX-512F.
#if defined(__x86_64__)
#include <cpuid.h>

static inline uint64_t dltop_xgetbv0(void) {
  uint32_t eax = 0, edx = 0;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return ((uint64_t)edx << 32) | eax;
}

static inline int dltop_vector_level(void) {
  unsigned int a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  int osxsave = (c & (1u << 27)) != 0, avx = (c & (1u << 28)) != 0;
  if (!osxsave || !avx) return 0;
  uint64_t xcr0 = dltop_xgetbv0();
  if ((xcr0 & 0x6) != 0x6) return 0;  // the OS saves SSE and AVX state
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  int avx2 = (b & (1u << 5)) != 0, avx512f = (b & (1u << 16)) != 0;
  if (avx512f && (xcr0 & 0xe0) == 0xe0) return 2;  // and opmask, ZMM0-15 high, ZMM16-31
  return avx2 ? 1 : 0;
}

typedef float dltop_float16 __attribute__((ext_vector_type(16)));

/// Adam's update of elements [0, n), n a multiple of 16 (see Adam.swift for the formula):
/// m ← b1·m + keep1·g, v ← b2·v + keep2·(g·g), w ← w − (eta·(m·c1)) / (√|v·c2| + eps).
/// Written once with 16-float vectors and inlined into the AVX-512 and AVX2 entry points below,
/// which compile it for their own instruction set (16 floats a zmm, or two ymm).
__attribute__((always_inline)) static inline void dltop_adam_vectors(
    float *w, float *m, float *v, const float *g, size_t n, float b1, float keep1, float b2,
    float keep2, float c1, float c2, float eta, float eps) {
#pragma clang fp contract(off)
  for (size_t i = 0; i < n; i += 16) {
    dltop_float16 gi, mi, vi, wi;
    __builtin_memcpy(&gi, g + i, sizeof gi);
    __builtin_memcpy(&mi, m + i, sizeof mi);
    __builtin_memcpy(&vi, v + i, sizeof vi);
    __builtin_memcpy(&wi, w + i, sizeof wi);
    mi = b1 * mi + keep1 * gi;
    vi = b2 * vi + keep2 * (gi * gi);
    dltop_float16 root = __builtin_elementwise_sqrt(__builtin_elementwise_abs(vi * c2));
    wi = wi - (eta * (mi * c1)) / (root + eps);
    __builtin_memcpy(m + i, &mi, sizeof mi);
    __builtin_memcpy(v + i, &vi, sizeof vi);
    __builtin_memcpy(w + i, &wi, sizeof wi);
  }
}

__attribute__((target("avx512f"))) static inline void dltop_adam_avx512(
    float *w, float *m, float *v, const float *g, size_t n, float b1, float keep1, float b2,
    float keep2, float c1, float c2, float eta, float eps) {
  dltop_adam_vectors(w, m, v, g, n, b1, keep1, b2, keep2, c1, c2, eta, eps);
}

__attribute__((target("avx2"))) static inline void dltop_adam_avx2(
    float *w, float *m, float *v, const float *g, size_t n, float b1, float keep1, float b2,
    float keep2, float c1, float c2, float eta, float eps) {
  dltop_adam_vectors(w, m, v, g, n, b1, keep1, b2, keep2, c1, c2, eta, eps);
}

/// Updates the longest prefix of [0, count) the widest available vectors cover at `level`
/// (`dltop_vector_level()` or lower) and returns its length; the caller does the rest.
static inline size_t dltop_adam_update_prefix(
    int level, float *w, float *m, float *v, const float *g, size_t count, float b1, float keep1,
    float b2, float keep2, float c1, float c2, float eta, float eps) {
  if (level >= 2) {
    size_t n = count & ~(size_t)15;
    dltop_adam_avx512(w, m, v, g, n, b1, keep1, b2, keep2, c1, c2, eta, eps);
    return n;
  }
  if (level == 1) {
    size_t n = count & ~(size_t)15;
    dltop_adam_avx2(w, m, v, g, n, b1, keep1, b2, keep2, c1, c2, eta, eps);
    return n;
  }
  return 0;
}
#else
static inline int dltop_vector_level(void) { return 0; }
static inline size_t dltop_adam_update_prefix(
    int level, float *w, float *m, float *v, const float *g, size_t count, float b1, float keep1,
    float b2, float keep2, float c1, float c2, float eta, float eps) {
  (void)level, (void)w, (void)m, (void)v, (void)g, (void)count, (void)b1, (void)keep1;
  (void)b2, (void)keep2, (void)c1, (void)c2, (void)eta, (void)eps;
  return 0;
}
#endif
#endif
