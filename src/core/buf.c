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

cg_status cg_buf_append(cg_buf *buf, const void *bytes, size_t n)
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

cg_status cg_buf_puts(cg_buf *buf, const char *s)
{
    return cg_buf_append(buf, s, strlen(s));
}

cg_status cg_buf_putc(cg_buf *buf, char c)
{
    if (buf->len + 1 < buf->cap) {
        buf->data[buf->len++] = c;
        buf->data[buf->len] = '\0';
        return CG_OK;
    }
    return cg_buf_append(buf, &c, 1);
}

cg_status cg_buf_put_count(cg_buf *buf, double x)
{
    /* whole numbers below 2^53 in decimal digits; anything else as printf */
    if (!(x >= 0 && x < 9007199254740992.0) || signbit(x) || x != (double)(uint64_t)x)
        return cg_buf_printf(buf, "%.0f", x);
    char digits[24];
    size_t k = sizeof digits;
    uint64_t u = (uint64_t)x;
    do {
        digits[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return cg_buf_append(buf, digits + k, sizeof digits - k);
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
