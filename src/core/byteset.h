/* Private to the library: sets of bytes tested 32 at a time.  A set is
 * held as two nibble tables, lo and hi, such that a byte b is in the set
 * exactly when lo[b & 15] & hi[b >> 4] is not zero; with AVX2, two byte
 * shuffles then classify 32 bytes.  Used by the scans of the input and
 * ref modules. */
#ifndef CITEGRAPH_CORE_BYTESET_H
#define CITEGRAPH_CORE_BYTESET_H

#include <stdint.h>

/* Whether the 32-byte tests can be compiled (chosen at run time). */
#if defined(__GNUC__) && defined(__x86_64__)
#define CG_BYTESET_AVX2 1
#include <immintrin.h>
#else
#define CG_BYTESET_AVX2 0
#endif

/* Fills lo and hi (32 bytes each: the sixteen entries twice, one copy
 * for each half of a register) for the bytes b with in[b] not zero;
 * returns 0 when the set needs more than eight classes. */
int cg_byteset_tables(const unsigned char in[256], unsigned char lo[32], unsigned char hi[32]);

/* Whether the processor (and system) can run the 32-byte tests. */
int cg_byteset_avx2(void);

/* Whether it can run 64-byte ones (AVX-512 with byte and word lanes). */
int cg_byteset_avx512(void);

#if CG_BYTESET_AVX2
/* Low and high nibbles of the 32 bytes of v. */
__attribute__((target("avx2"))) static inline void cg_byteset_nibbles(__m256i v, __m256i *lo,
                                                                      __m256i *hi)
{
    const __m256i nib = _mm256_set1_epi8(0x0F);
    *lo = _mm256_and_si256(v, nib);
    *hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), nib);
}

/* Bit i set when byte i (given by its nibbles) is in the set of lo, hi. */
__attribute__((target("avx2"))) static inline uint32_t cg_byteset_in32(const unsigned char *lo,
                                                                       const unsigned char *hi,
                                                                       __m256i vlo, __m256i vhi)
{
    __m256i l = _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)(const void *)lo), vlo);
    __m256i h = _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)(const void *)hi), vhi);
    __m256i zero = _mm256_cmpeq_epi8(_mm256_and_si256(l, h), _mm256_setzero_si256());
    return ~(uint32_t)_mm256_movemask_epi8(zero);
}
#endif

#endif
