/* The progress line: file sizes taken once at the start, then at most a
 * few redraws a second; nothing at all unless stderr is a terminal or
 * --progress asks for it.  Costs one stat a file and one clock read a
 * file while on, nothing while off. */
#include "progress.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>


double cli_progress_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *p, const cg_corpus *corpus, int mode, FILE *out,
                        int is_tty)
{
    memset(p, 0, sizeof *p);
    p->out = out;
    p->tty = is_tty;
    p->forced = mode == CLI_PROGRESS_ON;
    p->on = mode == CLI_PROGRESS_ON || (mode == CLI_PROGRESS_AUTO && is_tty);
    if (!p->on)
        return;
    p->nfiles = corpus->n;
    p->sizes = cg_calloc(corpus->n ? corpus->n : 1, sizeof *p->sizes);
    if (p->sizes == NULL) { /* progress is a courtesy: none without memory */
        p->on = 0;
        return;
    }
    for (size_t i = 0; i < corpus->n; i++) {
        struct stat st;
        if (stat(corpus->files[i].path, &st) == 0 && S_ISREG(st.st_mode))
            p->sizes[i] = (uint64_t)st.st_size;
        p->total += p->sizes[i];
    }
    p->start = cli_progress_clock();
    p->next = p->start + (p->tty ? CLI_PROGRESS_DELAY : CLI_PROGRESS_LOG_INTERVAL);
}

/* Appends m:ss or h:mm:ss of seconds s to out. */
static void put_duration(char *out, size_t n, double s)
{
    if (!(s >= 0) || s > 360000.0) { /* NaN, or more than 100 hours */
        snprintf(out, n, "-:--");
        return;
    }
    unsigned long t = (unsigned long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(out, n, "%lu:%02lu", t / 60, t % 60);
}

void cli_progress_format(char *out, size_t n, size_t done, size_t nfiles, uint64_t bytes,
                         uint64_t total, double elapsed, int final)
{
    double mb = (double)bytes / 1e6;
    double rate = elapsed > 0 ? mb / elapsed : 0;
    char when[32];
    if (final) {
        put_duration(when, sizeof when, elapsed);
    } else if (bytes > 0 && elapsed > 0) {
        put_duration(when, sizeof when, (double)(total - bytes) / 1e6 / rate);
    } else {
        snprintf(when, sizeof when, "-:--");
    }
    snprintf(out, n, "%zu/%zu files  %.1f/%.1f MB  %.1f MB/s  %s %s", done, nfiles, mb,
             (double)total / 1e6, rate, final ? "in" : when, final ? when : "left");
}

/* Draws the line for the current figures. */
static void draw(cli_progress *p, double now, int final)
{
    char line[160];
    cli_progress_format(line, sizeof line, p->done, p->nfiles, p->bytes, p->total,
                        now - p->start, final);
    size_t len = strlen(line);
    if (p->tty) {
        /* blank out what a longer previous line left */
        int pad = p->width > len ? (int)(p->width - len) : 0;
        fprintf(p->out, "\rcitegraph: %s%*s%s", line, pad, "", final ? "\n" : "");
        p->width = len;
    } else {
        fprintf(p->out, "citegraph: %s\n", line);
    }
    fflush(p->out);
    p->shown = 1;
}

/* Counts the files up to done. */
static void advance(cli_progress *p, size_t done)
{
    for (; p->done < done && p->done < p->nfiles; p->done++)
        p->bytes += p->sizes[p->done];
}

void cli_progress_at_time(cli_progress *p, size_t done, double now)
{
    if (!p->on)
        return;
    advance(p, done);
    if (now < p->next)
        return;
    draw(p, now, 0);
    p->next = now + (p->tty ? CLI_PROGRESS_TTY_INTERVAL : CLI_PROGRESS_LOG_INTERVAL);
}

void cli_progress_at(cli_progress *p, size_t done)
{
    if (p->on)
        cli_progress_at_time(p, done, cli_progress_clock());
}

void cli_progress_clear(cli_progress *p)
{
    if (!p->on || !p->tty || p->width == 0)
        return;
    fprintf(p->out, "\r%*s\r", (int)(p->width + sizeof "citegraph: " - 1), "");
    fflush(p->out);
    p->width = 0;
}

void cli_progress_end_time(cli_progress *p, size_t done, double now)
{
    if (p->on) {
        advance(p, done);
        if (p->shown || p->forced)
            draw(p, now, 1);
    }
    cg_free(p->sizes);
    memset(p, 0, sizeof *p);
}

void cli_progress_end(cli_progress *p, size_t done)
{
    cli_progress_end_time(p, done, p->on ? cli_progress_clock() : 0);
}
