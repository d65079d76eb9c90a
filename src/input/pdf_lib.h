/* Private to the input module: the functions of poppler-glib (and of the
 * GLib it brings) that pdf.c calls, loaded when the first PDF is read.
 * Loading them at start-up would map some fifty shared libraries into
 * every run, PDF or not: half the time of a run on a few text files. */
#ifndef CITEGRAPH_INPUT_PDF_LIB_H
#define CITEGRAPH_INPUT_PDF_LIB_H

#include <poppler.h>

/* The library loaded by default; CITEGRAPH_POPPLER names another file. */
#ifndef CG_POPPLER_SONAME
#define CG_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

/* poppler-glib's functions, as pdf.c uses them. */
typedef struct cg_pdf_lib {
    PopplerDocument *(*document_new_from_bytes)(GBytes *bytes, const char *password,
                                                GError **error);
    int (*document_get_n_pages)(PopplerDocument *document);
    PopplerPage *(*document_get_page)(PopplerDocument *document, int index);
    char *(*page_get_text)(PopplerPage *page);
    gboolean (*page_get_text_layout)(PopplerPage *page, PopplerRectangle **rectangles,
                                     guint *n_rectangles);
    void (*page_get_size)(PopplerPage *page, double *width, double *height);
    GBytes *(*bytes_new_with_free_func)(gconstpointer data, gsize size,
                                        GDestroyNotify free_func, gpointer user_data);
    void (*bytes_unref)(GBytes *bytes);
    void (*error_free)(GError *error);
    void (*free)(gpointer mem);
    void (*object_unref)(gpointer object);
} cg_pdf_lib;

/* The functions, loaded once by whichever thread asks first; NULL when
 * the library or one of them cannot be loaded, *why then saying so. */
const cg_pdf_lib *cg_pdf_lib_get(const char **why);

#endif
