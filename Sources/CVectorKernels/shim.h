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
#include <immintrin.h>

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

/// Adam's update of elements [0, n) with n a multiple of 16 (see Adam.swift for the formula):
/// m ← b1·m + keep1·g, v ← b2·v + keep2·(g·g), w ← w − (eta·(m·c1)) / (√|v·c2| + eps).
__attribute__((target("avx512f"))) static inline void dltop_adam_avx512(
    float *w, float *m, float *v, const float *g, size_t n, float b1, float keep1, float b2,
    float keep2, float c1, float c2, float eta, float eps) {
  const __m512 vb1 = _mm512_set1_ps(b1), vk1 = _mm512_set1_ps(keep1);
  const __m512 vb2 = _mm512_set1_ps(b2), vk2 = _mm512_set1_ps(keep2);
  const __m512 vc1 = _mm512_set1_ps(c1), vc2 = _mm512_set1_ps(c2);
  const __m512 veta = _mm512_set1_ps(eta), veps = _mm512_set1_ps(eps);
  for (size_t i = 0; i < n; i += 16) {
    __m512 gi = _mm512_loadu_ps(g + i);
    __m512 mi = _mm512_add_ps(_mm512_mul_ps(vb1, _mm512_loadu_ps(m + i)), _mm512_mul_ps(vk1, gi));
    __m512 vi = _mm512_add_ps(
        _mm512_mul_ps(vb2, _mm512_loadu_ps(v + i)), _mm512_mul_ps(vk2, _mm512_mul_ps(gi, gi)));
    _mm512_storeu_ps(m + i, mi);
    _mm512_storeu_ps(v + i, vi);
    __m512 step = _mm512_mul_ps(veta, _mm512_mul_ps(mi, vc1));
    __m512 root = _mm512_sqrt_ps(_mm512_abs_ps(_mm512_mul_ps(vi, vc2)));
    __m512 wi = _mm512_sub_ps(_mm512_loadu_ps(w + i), _mm512_div_ps(step, _mm512_add_ps(root, veps)));
    _mm512_storeu_ps(w + i, wi);
  }
}

/// The AVX2 form of `dltop_adam_avx512`, n a multiple of 8.
__attribute__((target("avx2"))) static inline void dltop_adam_avx2(
    float *w, float *m, float *v, const float *g, size_t n, float b1, float keep1, float b2,
    float keep2, float c1, float c2, float eta, float eps) {
  const __m256 vb1 = _mm256_set1_ps(b1), vk1 = _mm256_set1_ps(keep1);
  const __m256 vb2 = _mm256_set1_ps(b2), vk2 = _mm256_set1_ps(keep2);
  const __m256 vc1 = _mm256_set1_ps(c1), vc2 = _mm256_set1_ps(c2);
  const __m256 veta = _mm256_set1_ps(eta), veps = _mm256_set1_ps(eps);
  const __m256 magnitude = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
  for (size_t i = 0; i < n; i += 8) {
    __m256 gi = _mm256_loadu_ps(g + i);
    __m256 mi = _mm256_add_ps(_mm256_mul_ps(vb1, _mm256_loadu_ps(m + i)), _mm256_mul_ps(vk1, gi));
    __m256 vi = _mm256_add_ps(
        _mm256_mul_ps(vb2, _mm256_loadu_ps(v + i)), _mm256_mul_ps(vk2, _mm256_mul_ps(gi, gi)));
    _mm256_storeu_ps(m + i, mi);
    _mm256_storeu_ps(v + i, vi);
    __m256 step = _mm256_mul_ps(veta, _mm256_mul_ps(mi, vc1));
    __m256 root = _mm256_sqrt_ps(_mm256_and_ps(_mm256_mul_ps(vi, vc2), magnitude));
    __m256 wi = _mm256_sub_ps(_mm256_loadu_ps(w + i), _mm256_div_ps(step, _mm256_add_ps(root, veps)));
    _mm256_storeu_ps(w + i, wi);
  }
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
    size_t n = count & ~(size_t)7;
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
