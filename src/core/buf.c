/* Growable byte buffers: amortised doubling, always NUL-terminated. */
#include "citegraph/core.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

cg_status cg_buf_reserve(cg_buf *buf, size_t extra)
{
    if (extra > SIZE_MAX - buf->len - 1)
        return CG_ENOMEM;
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap)
        return CG_OK;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *data = cg_realloc(buf->data, cap);
    if (data == NULL)
        return CG_ENOMEM;
    buf->data = data;
    buf->cap = cap;
    return CG_OK;
}

/* The external definitions of the inline functions of core.h. */
extern inline cg_status cg_buf_append(cg_buf *buf, const void *bytes, size_t n);
extern inline cg_status cg_buf_puts(cg_buf *buf, const char *s);
extern inline cg_status cg_buf_putc(cg_buf *buf, char c);
extern inline cg_status cg_buf_item_end(cg_buf *buf);

cg_status cg_buf_spill(cg_buf *buf)
{
    if (buf->sink == NULL || buf->len == 0)
        return CG_OK;
    cg_status st = buf->sink->write(buf->sink->ctx, buf->data, buf->len);
    buf->len = 0;
    buf->data[0] = '\0';
    return st;
}

cg_status cg_buf_append_grow(cg_buf *buf, const void *bytes, size_t n)
{
    cg_status st = cg_buf_reserve(buf, n);
    if (st != CG_OK)
        return st;
    if (n)
        memcpy(buf->data + buf->len, bytes, n);
    buf->len += n;
    buf->data[buf->len] = '\0';
    return CG_OK;
}


size_t cg_put_decimal(char *out, long v, int width)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    size_t o = 0;
    if (v < 0)
        out[o++] = '-';
    size_t len = 1;
    for (unsigned long p = 10; len < 20 && u >= p; p *= 10)
        len++;
    while (o + len < (size_t)(width > 0 ? width : 0))
        out[o++] = '0';
    /* two digits a division, from the last */
    char *end = out + o + len;
    for (; u >= 100; u /= 100) {
        end -= 2;
        memcpy(end, pairs + 2 * (u % 100), 2);
    }
    if (u >= 10)
        memcpy(end - 2, pairs + 2 * u, 2);
    else
        end[-1] = (char)('0' + u);
    return o + len;
}

/* Appends u in decimal, with zeros before it up to width digits. */
static cg_status put_digits(cg_buf *buf, uint64_t u, int width)
{
    char digits[24];
    return cg_buf_append(buf, digits, cg_put_decimal(digits, (long)u, width));
}

cg_status cg_buf_put_count(cg_buf *buf, double x)
{
    /* whole numbers below 2^53 in decimal digits; anything else as printf */
    if (!(x >= 0 && x < 9007199254740992.0) || signbit(x) || x != (double)(uint64_t)x)
        return cg_buf_printf(buf, "%.0f", x);
    return put_digits(buf, (uint64_t)x, 0);
}

cg_status cg_buf_put_fixed(cg_buf *buf, double x, int decimals)
{
    static const double scale[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    /* x scaled, then rounded to the nearest whole number: exact unless x
     * is far from 0 or the scaled value lies near a half, where its
     * rounding error (below 2^-13 under 2^40) could decide; then printf */
    if (decimals < 0 || decimals > 9 || !(x >= 0) || signbit(x))
        return cg_buf_printf(buf, "%.*f", decimals, x);
    double y = x * scale[decimals];
    if (!(y < 1099511627776.0) || fabs(y - floor(y) - 0.5) < 1e-3)
        return cg_buf_printf(buf, "%.*f", decimals, x);
    uint64_t r = (uint64_t)nearbyint(y), one = (uint64_t)scale[decimals];
    cg_status st = put_digits(buf, r / one, 0);
    if (st == CG_OK && decimals > 0)
        st = cg_buf_putc(buf, '.');
    if (st == CG_OK && decimals > 0)
        st = put_digits(buf, r % one, decimals);
    return st;
}

cg_status cg_buf_align_right(cg_buf *buf, size_t start, size_t width)
{
    size_t n = buf->len - start;
    if (n >= width)
        return CG_OK;
    size_t pad = width - n;
    cg_status st = cg_buf_reserve(buf, pad);
    if (st != CG_OK)
        return st;
    memmove(buf->data + start + pad, buf->data + start, n + 1); /* with the NUL */
    memset(buf->data + start, ' ', pad);
    buf->len += pad;
    return CG_OK;
}

cg_status cg_buf_align_left(cg_buf *buf, size_t start, size_t width)
{
    cg_status st = CG_OK;
    for (size_t n = buf->len - start; n < width && st == CG_OK; n++)
        st = cg_buf_putc(buf, ' ');
    return st;
}

cg_status cg_buf_printf(cg_buf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return CG_EUSAGE;
    if ((size_t)n < sizeof small)
        return cg_buf_append(buf, small, (size_t)n);
    cg_status st = cg_buf_reserve(buf, (size_t)n);
    if (st != CG_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t)n;
    return CG_OK;
}

void cg_buf_clear(cg_buf *buf)
{
    buf->len = 0;
    if (buf->data)
        buf->data[0] = '\0';
}

void cg_buf_free(cg_buf *buf)
{
    cg_free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}
