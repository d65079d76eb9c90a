/* Nibble tables of byte sets (see byteset.h): one class bit for each
 * different set of low nibbles that a high nibble takes. */
#include "byteset.h"

#include <string.h>

int cg_byteset_tables(const unsigned char in[256], unsigned char lo[32], unsigned char hi[32])
{
    unsigned sets[8], n = 0;
    memset(lo, 0, 32);
    memset(hi, 0, 32);
    for (unsigned h = 0; h < 16; h++) {
        unsigned set = 0;
        for (unsigned l = 0; l < 16; l++)
            set |= (unsigned)(in[h << 4 | l] != 0) << l;
        if (set == 0)
            continue;
        unsigned k = 0;
        while (k < n && sets[k] != set)
            k++;
        if (k == n) {
            if (n == 8)
                return 0;
            sets[n++] = set;
        }
        hi[h] = hi[h + 16] |= (unsigned char)(1u << k);
        for (unsigned l = 0; l < 16; l++)
            if (set >> l & 1u)
                lo[l] = lo[l + 16] |= (unsigned char)(1u << k);
    }
    return 1;
}

int cg_byteset_avx2(void)
{
#if CG_BYTESET_AVX2
    return __builtin_cpu_supports("avx2");
#else
    return 0;
#endif
}

int cg_byteset_avx512(void)
{
#if CG_BYTESET_AVX2
    return __builtin_cpu_supports("avx512bw");
#else
    return 0;
#endif
}
