#ifndef DLTOP_CCRC32C_SHIM_H
#define DLTOP_CCRC32C_SHIM_H
// CRC-32C with the processor's own instruction (SSE 4.2's crc32, 8 bytes per instruction), for
// TFRecord framing. Header-only: Swift imports these static inline functions and clang compiles
// them, so there is no C file to build or link. Elsewhere the functions say "not available" and
// dltop's table-driven CRC32C is used.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>

/// Whether the processor has SSE 4.2 (CPUID leaf 1, ECX bit 20).
static inline int dltop_crc32c_hardware_available(void) {
  unsigned int a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  return (c & (1u << 20)) != 0;
}

/// Folds `count` bytes at `bytes` into `crc` (not inverted: pass ~0 first and invert the result).
__attribute__((target("sse4.2"))) static inline uint32_t dltop_crc32c_hardware(
    uint32_t crc, const void *bytes, size_t count) {
  const unsigned char *p = (const unsigned char *)bytes;
  uint64_t wide = crc;
  while (count >= 8) {
    uint64_t word;
    memcpy(&word, p, 8);
    wide = __builtin_ia32_crc32di(wide, word);
    p += 8;
    count -= 8;
  }
  uint32_t narrow = (uint32_t)wide;
  while (count > 0) {
    narrow = __builtin_ia32_crc32qi(narrow, *p);
    p += 1;
    count -= 1;
  }
  return narrow;
}
#else
static inline int dltop_crc32c_hardware_available(void) { return 0; }
static inline uint32_t dltop_crc32c_hardware(uint32_t crc, const void *bytes, size_t count) {
  (void)bytes;
  (void)count;
  return crc;
}
#endif
#endif
