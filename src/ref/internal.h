/* Private to the ref module: the extractor's state and the scanners of
 * each kind of reference, each called at a point of the clean text. */
#ifndef CITEGRAPH_REF_INTERNAL_H
#define CITEGRAPH_REF_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "citegraph/extract.h"
#include "citegraph/lex.h"

/* Bits of the first-byte table: what may start at a byte.  A date
 * before a keyword of the Court is found at the keyword (TRIG_ICJ);
 * TRIG_AFTER_YEAR marks a keyword that follows a year's digits with no
 * space, where only such a date may end, never a table's bit. */
enum {
    TRIG_SYMBOL = 1,
    TRIG_URL = 2,
    TRIG_RESOLUTION = 4,
    TRIG_DECISION = 8,
    TRIG_ICJ = 16,
    TRIG_AFTER_YEAR = 32
};

/* Most first bytes other than capitals (and second bytes other than
 * capitals and digits) that the word scan tests sixteen bytes at a time
 * (in_list compares eight). */
#define STARTS_EXTRA_MAX 8

/* How the word scan finds candidates (see starts.c). */
enum { STARTS_LISTED, STARTS_ANY_WORD, STARTS_BYTEWISE };

/* Bytes of an anchor of the 32-byte scan (see starts.c): as many as the
 * prefix table's keys, so that a lexicon word's anchor is exact. */
#define ANCHOR_BYTES 4

/* Slots of the prefix table (a power of two): the first four bytes of
 * the phrases of the kinds it covers (all at least four bytes long, no
 * space in the first four), at most half of them used. */
#define PREFIX_BITS 8
#define PREFIX_SLOTS (1u << PREFIX_BITS)

struct cg_extractor {
    /* extra[] and second[], each byte repeated sixteen times (one load) */
    _Alignas(16) unsigned char extra16[STARTS_EXTRA_MAX][16];
    _Alignas(16) unsigned char second16[STARTS_EXTRA_MAX][16];
    const cg_registry *reg;
    unsigned char trigger[256];       /* by first byte */
    unsigned char trigger2[256 * 256]; /* by first two bytes */
    unsigned char joining[256];        /* bytes that continue a word */
    unsigned char pinpoint_first[256]; /* first bytes of the pinpoint words */
    unsigned char extra[STARTS_EXTRA_MAX]; /* trigger bytes other than A-Z */
    unsigned char second[STARTS_EXTRA_MAX]; /* second bytes other than A-Z, 0-9, '/', ' ', '\n' */
    int starts_mode;                   /* STARTS_LISTED, ... */
    int starts_second;                 /* whether second[] lists them all */
    int starts_avx2;                   /* whether the 32-byte anchor scan is used */
    int starts_avx512;                 /* whether the 64-byte one is, instead */
    /* nibble tables (twice sixteen bytes, low then high) of the 32-byte
     * scan: the anchors' buckets at each of their bytes; then the bytes
     * after which a word's anchor may start a reference (not a word's
     * byte, or a digit) */
    unsigned char anchor[2 * ANCHOR_BYTES][32];
    unsigned char word_after[2][32];
    /* the prefix table: first four bytes (open addressing, linear
     * probing) and the trigger bits of the phrases that start so */
    uint32_t prefix_key[PREFIX_SLOTS];
    unsigned char prefix_bits[PREFIX_SLOTS]; /* 0: a free slot */
    unsigned prefix_used;              /* slots used */
    unsigned prefix_all;               /* trigger bits the prefix table does not cover */
    /* the first two bytes, in lower case, at which a case name of the
     * registry may match (a bit each: first byte * 256 + second) */
    uint64_t case_pairs[256 * 256 / 64];
};

/* A Security Council resolution number seen with its year. */
typedef struct sc_year {
    long number;
    long year;
} sc_year;

/* What one extraction run carries from one reference to the next. */
typedef struct scan {
    const cg_extractor *ex;
    const cg_registry *reg;
    const cg_text *text;
    const cg_docid *self;
    const char *begin; /* clean text */
    const char *end;
    cg_refs *out;
    cg_status status;
    sc_year *years;
    size_t nyears;
    size_t years_cap;
    char id[CG_ID_MAX];
    char aliases[CG_ID_MAX];
} scan;

/* Whether a case name of the registry may match at p, by its first two
 * bytes in either case (p + 1 < end), as case_pairs says. */
static inline int case_may_start(const cg_extractor *ex, const char *p)
{
    unsigned k = (unsigned)cg_ascii_lower((unsigned char)p[0]) << 8 |
                 (unsigned)cg_ascii_lower((unsigned char)p[1]);
    return (int)(ex->case_pairs[k >> 6] >> (k & 63) & 1u);
}

/* The first slot of the prefix table to look at for the four bytes x. */
static inline unsigned prefix_home(uint32_t x) { return (x * 2654435761u) >> (32 - PREFIX_BITS); }

/* The trigger bits of the phrases whose first four bytes are those at p
 * (four readable), 0 if none. */
static inline unsigned prefix_lookup(const cg_extractor *ex, const char *p)
{
    uint32_t x;
    memcpy(&x, p, 4);
    for (unsigned k = prefix_home(x);; k = (k + 1) & (PREFIX_SLOTS - 1)) {
        if (ex->prefix_key[k] == x)
            return ex->prefix_bits[k];
        if (ex->prefix_bits[k] == 0)
            return 0;
    }
}

/* Fills the extractor's list of extra first bytes from its tables. */
void starts_init(cg_extractor *ex);

/* Where the word scan left off: a block of 16, 32 or 64 bytes and the
 * candidates of it not yet checked, valid for a next point from from on.
 * Zero it before the first call. */
typedef struct starts_iter {
    const char *block; /* NULL: none */
    const char *from;
    uint64_t cand;
    uint32_t carry;
} starts_iter;

/* The first point at or after p in [begin, end) where a reference may
 * start (a trigger byte pair at the start of a word), with its trigger
 * bits in *trig; end if none.  The bits are narrowed by cheap necessary
 * conditions: a lexicon word's or URL's first four bytes in the prefix
 * table, a symbol's capitals followed by '/'.  A keyword of the Court
 * right after a year's four digits (no space between) is a start too,
 * with the bit TRIG_AFTER_YEAR alone.
 * Calls with the same it and p past the point returned last reuse the
 * block scanned last. */
const char *starts_next(const cg_extractor *ex, starts_iter *it, const char *p,
                        const char *begin, const char *end, unsigned *trig);

/* Records a reference unless it is the document itself. */
void scan_emit(scan *s, cg_kind kind, unsigned flags, const char *start, const char *end,
               const char *id, const char *aliases);

/* Remembers that SC resolution number had year. */
void scan_note_sc_year(scan *s, long number, long year);

/* The year of SC resolution number seen earlier, or 0. */
long scan_sc_year(const scan *s, long number);

/* Each returns the end of what it consumed, or NULL if nothing matched. */
const char *scan_symbol(scan *s, const char *p);
const char *scan_url(scan *s, const char *p);
const char *scan_resolutions(scan *s, const char *p, const char *word_end, int decision);
const char *scan_icj_keyword(scan *s, const char *p);

/* A decision of the Court cited date first ("its 7 December 2021
 * order") whose keyword starts at kw: the date's day is at or after from
 * and a reference could start there (a word's start, its first digit
 * followed by a digit, a space or a line feed).  Emits it and returns
 * its end, else NULL. */
const char *scan_icj_date_before(scan *s, const char *kw, const char *from);

/* A judgment or decision of the European Court of Human Rights whose
 * keyword is at kw and date ends at date_end (an application number
 * before it in the citation, the Court named): emits echr:APPNO:TYPE:DATE
 * and returns date_end, else NULL. */
const char *scan_echr_decision(scan *s, const char *kw, const char *date_end, int type, long date);

/* A footnote: where its text lies in the clean text, its number, and
 * the raw offset of its mark's line (which tells footnotes apart). */
typedef struct note {
    size_t start, end;
    long number;
    size_t line;
} note;

/* The footnotes of a document, found from the lines around the places
 * asked about; the whole table of them built instead once those
 * searches have gone over half the text.  Same answers either way. */
typedef struct notes {
    const cg_text *text;
    size_t raw_hint, clean_hint; /* the offset map's places, kept between searches */
    size_t spent; /* raw bytes the local searches went over */
    int table;    /* whether items holds every footnote, in text order */
    note *items;
    size_t n, cap;
} notes;

/* Prepares the footnotes of text (from the marks in its raw bytes). */
void notes_init(notes *nb, const cg_text *text);

/* Builds the whole table now: later answers come from it. */
cg_status notes_use_table(notes *nb);

/* Whether clean offset off is in the text of a footnote; sets *out, all
 * but its end. */
int notes_at(notes *nb, size_t off, note *out);

/* Whether a footnote comes before footnote n; sets *out to the one just before. */
int notes_before(notes *nb, const note *n, note *out);

/* Whether a footnote numbered number starts at or after off (among the
 * next few hundred footnotes); sets *out to the first. */
int notes_numbered(notes *nb, long number, size_t off, note *out);

/* Releases the footnotes. */
void notes_free(notes *nb);

/* Reads a footnote mark at p (superscript digits, <sup>n</sup>, [^n]);
 * returns its length, 0 if none, and sets *number. */
size_t note_mark(const char *p, const char *end, long *number);

/* The paragraph around p (blank lines bound it), at most limit bytes each way. */
void paragraph_bounds(const char *begin, const char *end, const char *p, size_t limit,
                      const char **lo, const char **hi);

/* The first occurrence of needle[0..n) in [p, end), or NULL. */
const char *find_bytes(const char *p, const char *end, const char *needle, size_t n);

/* find_bytes, width bytes at a time (64, 32 or 16; 1: memchr), which the
 * processor must support (find_bytes_widest). */
const char *find_bytes_width(const char *p, const char *end, const char *needle, size_t n,
                             unsigned width);

/* The widest search of find_bytes_width that the processor runs. */
unsigned find_bytes_widest(void);

/* Whether the byte at p is a period that ends a sentence: not that of
 * an abbreviation of the lexicon ("Mr.", "No.") or of an initial ("N."). */
int sentence_end(const cg_registry *reg, const char *begin, const char *p);

/* Whether [a, b) holds a blank line. */
int has_blank_line(const char *a, const char *b);

/* Reads the pinpoint after a reference (", page 4, para. 3"); returns
 * its end and sets *start, or NULL if none. */
const char *pinpoint_parse(const cg_extractor *ex, const char *p, const char *end,
                           const char **start);

/* Resolves Ibid. and defined terms and sets pinpoints on the references
 * out[first..]; then the ICJ cases that the text around gives. */
cg_status scan_short_forms(scan *s, size_t first);

/* Gives the decisions among out[first..] that name no case the case
 * their footnotes or sentence give (see icj_context.c). */
cg_status scan_icj_context(scan *s, notes *nb, size_t first);

/* Whether some decision among out[first..] has no case. */
int icj_caseless(const scan *s, size_t first);

/* The case number of an ICJ id ("icj:180:order:..." is 180), 0 if none. */
long icj_id_case(const char *id);

/* Gives the decision at out index i case number, with flag. */
cg_status icj_set_case(scan *s, size_t i, long number, unsigned flag);

#endif
