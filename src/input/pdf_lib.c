/* poppler-glib loaded on demand with dlopen(3), once for the process:
 * the library named by CITEGRAPH_POPPLER, else CG_POPPLER_SONAME (the
 * one the build found).  Its GLib functions are looked up through it,
 * as GLib is one of its dependencies.  The library stays loaded. */
#include "pdf_lib.h"

#include <dlfcn.h>
#include <stddef.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cg_pdf_lib lib;
static const cg_pdf_lib *loaded;
static char reason[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Looks name up in handle into the function pointer at fn; 0 if absent.
 * POSIX makes a function's address from dlsym's data pointer. */
static int find(void *handle, const char *name, void *fn)
{
    void *sym = dlsym(handle, name);
    if (sym == NULL)
        return 0;
    memcpy(fn, &sym, sizeof sym);
    return 1;
}

static void load(void)
{
    const char *file = getenv("CITEGRAPH_POPPLER");
    if (file == NULL || *file == '\0')
        file = CG_POPPLER_SONAME;
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        const char *e = dlerror();
        snprintf(reason, sizeof reason, "poppler-glib cannot be loaded (%s)", e ? e : file);
        return;
    }
    static const struct {
        const char *name;
        size_t offset;
    } fns[] = {
        {"poppler_document_new_from_bytes", offsetof(cg_pdf_lib, document_new_from_bytes)},
        {"poppler_document_get_n_pages", offsetof(cg_pdf_lib, document_get_n_pages)},
        {"poppler_document_get_page", offsetof(cg_pdf_lib, document_get_page)},
        {"poppler_page_get_text", offsetof(cg_pdf_lib, page_get_text)},
        {"poppler_page_get_text_layout", offsetof(cg_pdf_lib, page_get_text_layout)},
        {"poppler_page_get_size", offsetof(cg_pdf_lib, page_get_size)},
        {"g_bytes_new_with_free_func", offsetof(cg_pdf_lib, bytes_new_with_free_func)},
        {"g_bytes_unref", offsetof(cg_pdf_lib, bytes_unref)},
        {"g_error_free", offsetof(cg_pdf_lib, error_free)},
        {"g_free", offsetof(cg_pdf_lib, free)},
        {"g_object_unref", offsetof(cg_pdf_lib, object_unref)},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        if (!find(h, fns[i].name, (char *)&lib + fns[i].offset)) {
            snprintf(reason, sizeof reason, "%s has no %s: not poppler-glib", file, fns[i].name);
            dlclose(h);
            return;
        }
    loaded = &lib;
}

const cg_pdf_lib *cg_pdf_lib_get(const char **why)
{
    pthread_once(&once, load);
    if (loaded == NULL)
        *why = reason;
    return loaded;
}
