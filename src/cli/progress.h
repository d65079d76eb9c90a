/* Private to the command line: the progress line drawn on stderr while a
 * corpus is read (files done of total, MB read, MB/s, time left). */
#ifndef CITEGRAPH_CLI_PROGRESS_H
#define CITEGRAPH_CLI_PROGRESS_H

#include <stdint.h>
#include <stdio.h>

#include "citegraph/citegraph.h"

/* When the progress line is drawn on stderr. */
typedef enum cli_progress_mode {
    CLI_PROGRESS_AUTO, /* on a terminal, for runs long enough to need it */
    CLI_PROGRESS_ON,   /* --progress: also on a pipe or file */
    CLI_PROGRESS_OFF   /* --quiet */
} cli_progress_mode;

/* Seconds before the first line on a terminal: short runs draw nothing. */
#define CLI_PROGRESS_DELAY 0.5
/* Seconds between two lines: on a terminal, and on a pipe or file. */
#define CLI_PROGRESS_TTY_INTERVAL 0.25
#define CLI_PROGRESS_LOG_INTERVAL 1.0

/* State of the line.  All zero (or off) draws nothing. */
typedef struct cli_progress {
    FILE *out;
    int on;          /* drawing at all */
    int tty;         /* redraw one line with '\r'; else one line an update */
    int forced;      /* --progress: a final line even for short runs */
    int shown;       /* a line was drawn */
    size_t width;    /* length of the last line drawn on the terminal */
    size_t nfiles;
    uint64_t *sizes; /* size of each file (stat), nfiles */
    uint64_t total;  /* sum of sizes */
    uint64_t bytes;  /* bytes of the files done */
    size_t done;
    double start, next; /* seconds: start, earliest next line */
} cli_progress;

/* Starts the line for corpus, drawn on out as mode says (a
 * cli_progress_mode); is_tty tells whether out is a terminal. */
void cli_progress_start(cli_progress *p, const cg_corpus *corpus, int mode, FILE *out,
                        int is_tty);

/* Records that the first done files are read; draws if it is time. */
void cli_progress_at(cli_progress *p, size_t done);

/* As cli_progress_at, at time now (seconds on the same clock as start). */
void cli_progress_at_time(cli_progress *p, size_t done, double now);

/* Blanks the line on a terminal so that a message can be printed; the
 * next update draws it again. */
void cli_progress_clear(cli_progress *p);

/* Ends the line with done files read (the final figures if anything
 * was drawn, or always with --progress) and frees it. */
void cli_progress_end(cli_progress *p, size_t done);

/* As cli_progress_end, at time now. */
void cli_progress_end_time(cli_progress *p, size_t done, double now);

/* Writes the text of the line into out (n bytes): "3/10 files  1.2/4.0
 * MB  0.6 MB/s  0:05 left", or "... in 0:07" when final. */
void cli_progress_format(char *out, size_t n, size_t done, size_t nfiles, uint64_t bytes,
                         uint64_t total, double elapsed, int final);

/* Seconds on a monotonic clock. */
double cli_progress_clock(void);

#endif
