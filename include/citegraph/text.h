/* citegraph input: a document's bytes turned into checked, normalised
 * text that the extractor scans, with a map back to the bytes as read. */
#ifndef CITEGRAPH_TEXT_H
#define CITEGRAPH_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "citegraph/core.h"

/* Largest document accepted, in bytes (documented in the README). */
#define CG_TEXT_MAX_BYTES ((size_t)1 << 30)

/* How the raw bytes are marked up. */
typedef enum cg_markup {
    CG_MARKUP_PLAIN,    /* .txt: pdftotext output, possibly with Markdown */
    CG_MARKUP_MARKDOWN, /* .md */
    CG_MARKUP_HTML,     /* .html, .htm */
    CG_MARKUP_PDF,      /* .pdf: its text layer, read as plain text */
    CG_MARKUP_NONE      /* the bytes only, checked: no clean text is made */
} cg_markup;

/* One point where the clean text's offset stops tracking the raw offset. */
typedef struct cg_text_seg {
    size_t clean;
    size_t raw;
} cg_text_seg;

/* A loaded document.  raw holds the bytes as read (UTF-8, BOM removed);
 * clean the same text with markup removed: Markdown link targets and
 * escapes, emphasis, HTML tags and entities, footnote marks; line ends
 * as '\n'.  Every clean byte maps back to a raw byte.  When nothing
 * needs removing, clean is raw itself (one buffer, released once). */
typedef struct cg_text {
    char *raw;
    size_t raw_len;
    char *clean;
    size_t clean_len;
    cg_text_seg *segs; /* sorted by clean offset */
    size_t nsegs;
    size_t segs_cap;
    /* line cursor for cg_text_line_of */
    size_t cursor_off;
    long cursor_line;
    size_t cursor_line_start;
    long cursor_column;
    size_t raw_mapped; /* length of raw's file mapping; 0 when raw was allocated */
    long line_base;    /* lines of the file before this piece of it (0: whole) */
} cg_text;

/* Guesses the markup of a file from its extension; -1 if not a
 * document we read (.txt, .md, .markdown, .html, .htm, .pdf). */
int cg_markup_from_path(const char *path);

/* Reads path into text.  Fails with CG_EINPUT (and line:column) on NUL
 * bytes, invalid UTF-8 or UTF-16, CG_ELIMIT on files above
 * CG_TEXT_MAX_BYTES, CG_EIO when the file cannot be read.  A PDF
 * (CG_MARKUP_PDF) is read through its text layer: raw is that text;
 * CG_EINPUT when it cannot be opened or has no text layer.  Files of
 * 4 MiB and more are mapped read-only rather than read; should one
 * shrink while its text is in use, the process stops with status 2 and
 * a message naming it (a SIGBUS handler, installed unless the program
 * has its own). */
cg_status cg_text_load(cg_text *text, const char *path, cg_markup markup,
                       cg_error *err);

/* Builds text from bytes in memory (copied); name is used in errors.
 * CG_MARKUP_PDF is not accepted here (CG_EUSAGE). */
cg_status cg_text_from_bytes(cg_text *text, const char *bytes, size_t len,
                             cg_markup markup, const char *name, cg_error *err);

/* Loads the first lines of path as CG_MARKUP_NONE (the bytes only,
 * checked): read 16 KiB at a time until they hold `lines` line ends or a
 * line end at or after byte `bytes`, at most 2 * bytes (whole lines).
 * A file of 2 * bytes or less, or UTF-16, is loaded whole.  Errors as
 * cg_text_load. */
cg_status cg_text_load_head(cg_text *text, const char *path, size_t lines, size_t bytes,
                            cg_error *err);

/* Releases everything the text owns. */
void cg_text_free(cg_text *text);

/* The clean offset of raw offset raw: the first clean byte at or after
 * it (a raw byte that markup removal dropped maps to the next kept one). */
size_t cg_text_clean_offset(const cg_text *text, size_t raw);

/* Raw offset of clean offset off (off may equal clean_len). */
size_t cg_text_raw_offset(const cg_text *text, size_t off);

/* cg_text_clean_offset, starting from the map segment *hint (0 at
 * first) and updating it: cheap when offsets come in increasing order. */
size_t cg_text_clean_offset_at(const cg_text *text, size_t raw, size_t *hint);

/* cg_text_raw_offset, starting from the map segment *hint (0 at first)
 * and updating it: cheap when offsets come in increasing order. */
size_t cg_text_raw_offset_at(const cg_text *text, size_t off, size_t *hint);

/* 1-based line and column (in characters) of a raw offset, lines
 * counted from the start of the file (line_base added).  Fastest when
 * called with non-decreasing offsets. */
void cg_text_position(cg_text *text, size_t raw_off, long *line, long *column);

/* Files from this size on are read in pieces by the corpus commands:
 * memory and threads then work on pieces, not on the whole file. */
#define CG_PIECE_FILE_MIN ((uint64_t)8 << 20)

/* Nominal length of a piece: each starts at the first paragraph break
 * at or after a multiple of it. */
#define CG_PIECE_BYTES ((size_t)2 << 20)

/* How far past a nominal start a paragraph break (else a line break,
 * else a character boundary) is looked for. */
#define CG_PIECE_SLACK ((size_t)64 << 10)

/* Number of pieces that a file of size bytes with markup is read in: 1
 * (whole) below CG_PIECE_FILE_MIN and for HTML and PDF. */
size_t cg_text_pieces(uint64_t size, cg_markup markup);

/* Reads piece k of path, as cg_text_load reads a whole file: the bytes
 * from the break after k * CG_PIECE_BYTES to the break after the next
 * multiple, so that every byte of the file is in exactly one piece.
 * *line_ends gets the piece's line ends; errors give offsets in the
 * file and lines within the piece.  A UTF-16 file is read whole as its
 * piece 0, its other pieces empty. */
cg_status cg_text_load_piece(cg_text *text, const char *path, cg_markup markup, size_t k,
                             long *line_ends, cg_error *err);

/* Asks the system to start reading length bytes of the file at path,
 * from offset, into its cache, so that a later read need not wait for
 * the disk (posix_fadvise WILLNEED).  A hint: nothing is reported. */
void cg_text_prefetch(const char *path, uint64_t offset, uint64_t length);

/* Checks that bytes are UTF-8 without NUL; on failure sets *bad to the
 * offending offset and returns 0. */
int cg_utf8_valid(const char *bytes, size_t len, size_t *bad);

#endif
