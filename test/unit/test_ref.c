/* Unit suite of the ref module: canonical ids of every kind, table-driven. */
#include "unit.h"

#include "../../src/ref/internal.h"

typedef struct ref_case {
    const char *text;
    const char *ids; /* expected targets, '|' separated, in order */
} ref_case;

static const ref_case cases[] = {
    /* the European Court of Human Rights (optional kind) */
    {"European Court of Human Rights, *Chiragov and Others v. Armenia*, application No. 13216/05, "
     "Judgment of 16 June 2015", "echr:13216/05:judgment:2015-06-16"},
    {"the European Court of Human Rights delivered its judgment of 16 June 2015", ""},
    {"Constitutional Court, application No. 13216/05, Judgment of 16 June 2015", ""},
    {"Request for an advisory opinion of the International Court of Justice on the legality of "
     "the threat or use of nuclear weapons", ""},
    /* an advisory opinion named by its case, no date, at a paragraph's end */
    {"follow-up to the advisory opinion of the International Court of Justice on the legality of "
     "the threat or use of nuclear weapons\n\nResolution adopted", "icj:95:advisory-opinion:1996-07-08"},
    /* the case's name in any case, its spaces any run of white space */
    {"the advisory opinion of the International Court of Justice on the legality of the THREAT Or "
     "Use\nof  nuclear   weapons\n\nResolution", "icj:95:advisory-opinion:1996-07-08"},
    {"the advisory opinion of the International Court of Justice on the legality of the threat or "
     "use of\n nuclear weapons\n\nResolution", "icj:95:advisory-opinion:1996-07-08"},
    {"the advisory opinion of the International Court of Justice on the legality of the threat or "
     "use of nuclear weapon\n\nResolution", ""},
    {"the advisory opinion of the International Court of Justice on the legality of the threat or "
     "use ofnuclear weapons\n\nResolution", ""},
    /* symbols */
    {"see A/78/738.", "A/78/738"},
    {"(S/2023/888, annex)", "S/2023/888"},
    {"[A/78/738](#)", "A/78/738"},
    {"A/77/774-S/2023/145, annex", "A/77/774"},
    {"E/CN.4/1999/79/Add.1", "E/CN.4/1999/79/Add.1"},
    {"A/HRC/8/6/ADD.2 and A/HRC/8/6/add. 3", "A/HRC/8/6/Add.2|A/HRC/8/6/Add.3"},
    {"A/C.3/78/L.12/Rev.1;", "A/C.3/78/L.12/Rev.1"},
    {"S/PV.9501 and A/78/PV.54", "S/PV.9501|A/78/PV.54"},
    {"S/PRST/2023/1", "S/PRST/2023/1"},
    {"S/25199", "S/25199"},
    {"CERD/C/SVN/CO/6-7/Add.1, para. 3", "CERD/C/SVN/CO/6-7/Add.1"},
    {"Agreements (A/42/521-5/91085, annex)", "A/42/521"},
    /* lists whose date clauses are broken: a stray comma, a line-end hyphen */
    {"resolutions 186 (1964) of 4 March,\n187 (1964) of 13, March, 192(1964) of 20 June",
     "S/RES/186 (1964)|S/RES/187 (1964)|S/RES/192 (1964)"},
    {"resolutions 207 (1965) of 10 Au-\ngust and 219 (1965) of 17 December 1965",
     "S/RES/207 (1965)|S/RES/219 (1965)"},
    {"resolutions 216 (1965) of 12 November 1965, 217 (1965), of 20 November 1965, 221\n(1966)",
     "S/RES/216 (1965)|S/RES/217 (1965)|S/RES/221 (1966)"},
    {"resolution 242 (1967) of 22 November 1967, Treaty Series, vol. 75", "S/RES/242 (1967)"},
    {"NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.2010/50 (Vol. I)"},
    {"A/79/6 (Sect. 13)", "A/79/6 (Sect. 13)"},
    {"CRC/C/SVN/CO/3-4, para. 5", "CRC/C/SVN/CO/3-4"},
    {"CAT/C/SVN/CO/3para. 10.", "CAT/C/SVN/CO/3"},
    {"A/78/\n738", "A/78/738"},
    {"A/78/738*", "A/78/738"},
    {"S/RES/853(1993)", "S/RES/853 (1993)"},
    {"A/RES/48/114", "A/RES/48/114"},
    /* a number of one or two digits alone: a symbol only when the text
     * calls it a document (the Council's first documents of 1946) */
    {"pp. 85-86 (document S/25).", "S/25"},
    {"documents S/1035 and Add.1; document S/95; and Document\nS/7", "S/1035|S/95|S/7"},
    {"annex (S/25), S/25 and doc. A/64", "A/64"},
    /* documents of bodies outside the UN, under their prefix, in capitals */
    {"resolutions MRE/RES.1/91 and MRE/RES.2/91 and resolution CP/RES.594 (923/92)",
     "oas:MRE/RES.1/91|oas:MRE/RES.2/91|oas:CP/RES.594"},
    {"declarations CP/Dec.8 (927/93), CP/DEC.9 (931/93)", "oas:CP/DEC.8|oas:CP/DEC.9"},
    {"Board of Governors' resolution GOV/2636 of 25 February 1993", "iaea:GOV/2636"},
    {"WT/MIN(01)/DEC/1\tDoha Ministerial Declaration\nWT/MIN(05)/DEC\tDoha",
     "wto:WT/MIN(01)/DEC/1|wto:WT/MIN(05)/DEC"},
    {"see FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1"},
    {"GOV/12, WT/MIN, CP/RES, WT/MIN(2001x)/DEC and S/MIN(01)/DEC", ""},
    /* a scan's "l" for 1 after a known component */
    {"(A/44/344/Add.l-S/20699/Add.l), I", "A/44/344/Add.1"},
    {"E/CN.4/1999/79/Corr.I and A/C.l/45/L.3", "E/CN.4/1999/79/Corr.1|A/C.1/45/L.3"},
    {"a document, S/25", ""},
    {"undocument S/25", ""},
    /* not symbols */
    {"and/or 1/2 A/B testing 12/05/2023 S/he", ""},
    {"A/78 only", ""},
    /* resolutions */
    {"Security Council resolution 853 (1993)", "S/RES/853 (1993)"},
    {"General Assembly resolution 48/114", "A/RES/48/114"},
    {"resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993)",
     "S/RES/822 (1993)|S/RES/853 (1993)|S/RES/874 (1993)|S/RES/884 (1993)"},
    {"resolutions [822 \\(1993\\)](#) and [853 \\(1993\\)](#)", "S/RES/822 (1993)|S/RES/853 (1993)"},
    {"resolution 1542\n(2004) of 30 April 2004", "S/RES/1542 (2004)"},
    {"resolutions 49/75 K of 15 December 1994, 51/45 M of 10 December 1996 and 57/85",
     "A/RES/49/75 K|A/RES/51/45 M|A/RES/57/85"},
    {"resolution 3212 (XXIX)", "A/RES/3212 (XXIX)"},
    {"resolution 0822 (1993)", "S/RES/822 (1993)"},
    {"resolutions ES-10/21 and 1998/50", "A/RES/ES-10/21|E/RES/1998/50"},
    {"resolution 3411 A and B (XXX)", "A/RES/3411 A (XXX)|A/RES/3411 B (XXX)"},
    {"resolutions S-13/2 and ES-10/21", "A/RES/S-13/2|A/RES/ES-10/21"},
    {"Human Rights Council resolution 46/2", "A/HRC/RES/46/2"},
    {"Commission on Human Rights resolution 1998/50", "E/CN.4/RES/1998/50"},
    {"Economic and Social Council resolution 1996/31", "E/RES/1996/31"},
    {"the Assembly in its resolution 58/311", "A/RES/58/311"},
    {"resolution 10/49-POL of the Organization of Islamic Cooperation", "oic:res:10/49-POL"},
    {"resolution 10/49-POL", ""},
    {"resolution 661 (1990) ... Committee established by resolution 661\n", "S/RES/661 (1990)|S/RES/661 (1990)"},
    {"the relevant resolutions of the Security Council", ""},
    {"Human Rights Council in its decision 17/119", "A/HRC/DEC/17/119"},
    /* ICJ */
    {"the International Court of Justice, in its order of 7 December 2021", "icj::order:2021-12-07"},
    {"the Court: orders of 22 February and 6 July 2023", "icj::order:2023-02-22|icj:180:order:2023-07-06"},
    {"the Court modified its 22 February 2023 order", "icj::order:2023-02-22"},
    {"*Application of the International Convention on the Elimination of All Forms of Racial "
     "Discrimination (Armenia v. Azerbaijan)*, Provisional Measures, Order of the International "
     "Court of Justice of 7 December 2021", "icj:180:order:2021-12-07"},
    {"the advisory opinion of the International Court of Justice on the legality of the threat or "
     "use of nuclear weapons, issued on 8 July 1996", "icj:95:advisory-opinion:1996-07-08"},
    {"European Court of Human Rights, application No. 13216/05, Judgment of 16 June 2015",
     "echr:13216/05:judgment:2015-06-16"},
    {"in order to comply by 7 December 2021 with the Court", ""},
    /* a date before its keyword, found from the keyword: across a line
     * break, two-digit days, a date that an earlier reference took */
    {"the International Court of Justice modified its 22 February\n2023 order",
     "icj::order:2023-02-22"},
    {"the International Court of Justice modified its 7\nFebruary 2023 order",
     "icj::order:2023-02-07"},
    {"the International Court of Justice modified its 7\n\nFebruary 2023 order", ""},
    {"the International Court of Justice: its 2 February 2023\n\norder", "icj::order:2023-02-02"},
    {"the International Court of Justice: its 7  December  2021  \n  order", "icj::order:2021-12-07"},
    {"the International Court of Justice: its 31 March 2023 judgment", "icj::judgment:2023-03-31"},
    {"the International Court of Justice: its 07 December 2021 Orders", "icj::order:2021-12-07"},
    {"the International Court of Justice: its 22 February 2023order", "icj::order:2023-02-22"},
    {"7 December 2021 order of the International Court of Justice", "icj::order:2021-12-07"},
    {"the International Court of Justice, in its Order of 7 December 2021 Judgment",
     "icj::order:2021-12-07"},
    {"the International Court of Justice, in its order of 7 December 2021\norder of 8 December 2021",
     "icj::order:2021-12-07|icj::order:2021-12-08"},
    {"the International Court of Justice: its 7 December 2021 decision", ""},
    {"the International Court of Justice: 123 December 2021 order", ""},
    {"the International Court of Justice: x7 December 2021 order", ""},
    {"the International Court of Justice: its 7 December 21 order", ""},
    {"the International Court of Justice: A/78/7 December 2021 order", "A/78/7"},
    /* URLs */
    {"available at www.icrc.org/en/document/x-y.", "https://www.icrc.org/en/document/x-y"},
    {"<https://Media.UN.org/en/Asset/k1g>", "https://media.un.org/en/Asset/k1g"},
    {"(see https://example.org/a_(b))", "https://example.org/a_(b)"},
    {"[https://a.org/x\\_y](https://a.org/x_y)", "https://a.org/x_y"},
    {"[S/2020/1104](https://www.aysor.am/ru/1981909)", "S/2020/1104"},
    {"[the report](https://a.org/report.pdf)", "https://a.org/report.pdf"},
    {"http://tbinternet.ohchr.org/Treaties/CEDAW/Shared%20Documents/SVN/INT_CEDAW_FUL_SVN\n"
     "   _11944_E.pdf. See also", "http://tbinternet.ohchr.org/Treaties/CEDAW/Shared%20Documents/SVN/INT_CEDAW_FUL_SVN_11944_E.pdf"},
};

START_TEST(test_ids)
{
    const ref_case *c = &cases[_i];
    cg_refs refs = {0};
    cg_text text = unit_extract(c->text, NULL, &refs);
    char got[4096] = "";
    for (size_t i = 0; i < refs.n; i++) {
        if (i)
            strcat(got, "|");
        strncat(got, cg_refs_target(&refs, &refs.items[i]), sizeof got - strlen(got) - 2);
    }
    ck_assert_msg(strcmp(got, c->ids) == 0, "text \"%s\": got \"%s\", want \"%s\"", c->text, got,
                  c->ids);
    cg_refs_free(&refs);
    cg_text_free(&text);
}
END_TEST

/* A one-digit day followed by a tab starts no date (the start scan
 * takes a digit before a space, a line feed or a digit); a two-digit
 * day does.  The clean text is edited: loading turns tabs to spaces. */
START_TEST(test_date_day_then_tab)
{
    static const char *const texts[] = {
        "the International Court of Justice: its 7 February 2023 order",
        "the International Court of Justice: its 17 February 2023 order"};
    for (int k = 0; k < 2; k++) {
        cg_text text;
        cg_error err;
        cg_error_clear(&err);
        ck_assert_int_eq(cg_text_from_bytes(&text, texts[k], strlen(texts[k]), CG_MARKUP_PLAIN,
                                            "test", &err),
                         CG_OK);
        char *day = strstr(text.clean, "7 February");
        ck_assert_ptr_nonnull(day);
        day[1] = '\t';
        cg_extractor *ex = cg_extractor_new(unit_registry());
        ck_assert_ptr_nonnull(ex);
        cg_refs refs = {0};
        ck_assert_int_eq(cg_extract(ex, &text, NULL, &refs), CG_OK);
        ck_assert_uint_eq(refs.n, (size_t)k);
        if (k)
            ck_assert_str_eq(cg_refs_target(&refs, &refs.items[0]), "icj::order:2023-02-17");
        cg_refs_free(&refs);
        cg_extractor_free(ex);
        cg_text_free(&text);
    }
}
END_TEST

START_TEST(test_self_is_not_cited)
{
    cg_docid self;
    snprintf(self.id, sizeof self.id, "S/2004/908");
    self.aliases[0] = '\0';
    cg_refs refs = {0};
    cg_text text = unit_extract("S/2004/908\nsee S/2004/698 and S/2004/908", &self, &refs);
    ck_assert_uint_eq(refs.n, 1);
    ck_assert_str_eq(cg_refs_target(&refs, &refs.items[0]), "S/2004/698");
    cg_refs_free(&refs);
    cg_text_free(&text);
}
END_TEST

START_TEST(test_joint_aliases)
{
    cg_refs refs = {0};
    cg_text text = unit_extract("(A/77/774-S/2023/145)", NULL, &refs);
    ck_assert_uint_eq(refs.n, 1);
    ck_assert_str_eq(cg_refs_aliases(&refs, &refs.items[0]), "S/2023/145");
    cg_refs_free(&refs);
    cg_text_free(&text);
}
END_TEST

START_TEST(test_body_inferred_flag)
{
    cg_refs refs = {0};
    cg_text text = unit_extract("By its resolution 59/17, the Assembly", NULL, &refs);
    ck_assert_uint_eq(refs.n, 1);
    ck_assert(refs.items[0].flags & CG_REF_BODY_INFERRED);
    cg_refs_free(&refs);
    cg_text_free(&text);
}
END_TEST

START_TEST(test_docid_from_path)
{
    static const char *const rows[][2] = {
        {"A_78_764-EN.pdf", "A/78/764"},
        {"S_RES_0822_1993.txt", "S/RES/822 (1993)"},
        {"A_80_6_Sect.7.txt", "A/80/6 (Sect. 7)"},
        {"A_HRC_28_15_Add.1.txt", "A/HRC/28/15/Add.1"},
        {"A_44_661-S_20911__ocr-noisy.txt", "A/44/661"},
        {"000_340298001c62dd83.txt", "doc:000_340298001c62dd83"},
        {"sub/dir/letter.md", "doc:sub/dir/letter"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        cg_docid id;
        cg_docid_from_path(unit_registry(), rows[i][0], &id);
        ck_assert_msg(strcmp(id.id, rows[i][1]) == 0, "%s: got %s", rows[i][0], id.id);
    }
}
END_TEST

/* Lexicon words added to the bundled registry so that the word scan
 * works with more first bytes than it lists, or with a non-letter. */
static const char *const extra_words[][10] = {
    {NULL},
    {"bogus", "copy", "each", "first", "given", "items", "kept", "lower", "much", NULL},
    {"_res", "#dec", NULL},
};

/* References at every offset from a block boundary, and near the end,
 * with the registry's lexicon grown by extra_words[variant] and the
 * scan that CITEGRAPH_SCAN=scan selects. */
static void check_offsets(size_t variant, const char *scan)
{
    setenv("CITEGRAPH_SCAN", scan, 1);
    cg_registry reg;
    unit_registry_with_words(&reg, extra_words[variant]);
    cg_error err;
    cg_error_clear(&err);
    cg_extractor *ex = cg_extractor_new(&reg);
    ck_assert_ptr_nonnull(ex);
    const char *body = "A/78/738 and 7 December 2021 orders, UN (S/2023/145)";
    const size_t second = 41;
    for (size_t pad = 0; pad < 80; pad++) {
        char s[256];
        snprintf(s, sizeof s, "%*s%s%*s", (int)pad, "", body, (int)(79 - pad), "");
        for (int cut = 0; cut < 2; cut++) {
            /* cut: the text ends right after the last reference */
            size_t len = cut ? pad + strlen(body) - 1 : strlen(s);
            cg_text text;
            ck_assert_int_eq(cg_text_from_bytes(&text, s, len, CG_MARKUP_PLAIN, "t", &err), CG_OK);
            cg_refs refs = {0};
            ck_assert_int_eq(cg_extract(ex, &text, NULL, &refs), CG_OK);
            ck_assert_msg(refs.n == 2, "scan '%s', pad %zu, cut %d: %zu references", scan, pad,
                          cut, refs.n);
            ck_assert_str_eq(cg_refs_target(&refs, &refs.items[0]), "A/78/738");
            ck_assert_uint_eq(refs.items[0].start, pad);
            ck_assert_str_eq(cg_refs_target(&refs, &refs.items[1]), "S/2023/145");
            ck_assert_uint_eq(refs.items[1].start, pad + second);
            cg_refs_free(&refs);
            cg_text_free(&text);
        }
    }
    cg_extractor_free(ex);
    cg_registry_free(&reg);
    unsetenv("CITEGRAPH_SCAN");
}

START_TEST(test_scan_offsets)
{
    check_offsets((size_t)_i, "");
    check_offsets((size_t)_i, "avx2");
    check_offsets((size_t)_i, "sse2");
    check_offsets((size_t)_i, "bytes");
}
END_TEST

/* A symbol read from text[0..cut) (the whole text when cut is 0). */
typedef struct symbol_case {
    const char *text;
    size_t cut;
    const char *id;      /* NULL: none */
    size_t used;         /* bytes read */
    int is_resolution;
} symbol_case;

static const symbol_case symbols[] = {
    {"UNICEF/2023/5", 0, "UNICEF/2023/5", 13, 0},       /* the whole run of capitals */
    {"XUNICEF/2023/5", 0, NULL, 0, 0},                 /* no series */
    {"CCPR/C/GC/37", 0, "CCPR/C/GC/37", 12, 0},
    {"S/RES/853 (1993)", 0, "S/RES/853 (1993)", 16, 1},
    {"S/RES/0822 (1993)", 0, "S/RES/822 (1993)", 17, 1},
    {"S/RES/853 (1993)", 15, "S/RES/853", 9, 1},        /* the year cut off */
    {"E/DEC/2023/1", 0, "E/DEC/2023/1", 12, 1},
    {"A/res/48/114", 0, "A/RES/48/114", 12, 1},          /* canonical spelling */
    {"A/RES/RES/5", 0, "A/RES/RES/5", 11, 1},
    {"A/78/RES", 0, "A/78/RES", 8, 0},                   /* RES last: not a resolution */
    {"A/RES", 0, NULL, 0, 0},
    {"A/78/RES/1", 0, "A/78/RES/1", 10, 1},
    {"A/2023/RESX/1", 0, "A/2023/RESX/1", 13, 0},
    {"A/78/738", 7, "A/78/73", 7, 0},                    /* at the buffer's end */
    {"A/78/738", 4, NULL, 0, 0},
    {"A/78/738", 5, NULL, 0, 0},
    {"A/HRC/8/6/Add.2", 14, "A/HRC/8/6/Add", 13, 0},
    {"A/HRC/8/6/Add.2", 10, "A/HRC/8/6", 9, 0},
    {"A/HRC/8/6/Add.2", 0, "A/HRC/8/6/Add.2", 15, 0},
    {"A/HRC/8/6/add. 2", 0, "A/HRC/8/6/Add.2", 16, 0},
    {"A/HRC/8/6/ADD", 0, "A/HRC/8/6/ADD", 13, 0},
    {"NPT/CONF.2010/50 (Vol. I)", 0, "NPT/CONF.2010/50 (Vol. I)", 25, 0},
    {"NPT/CONF.2010/50 (Vol. I)", 24, "NPT/CONF.2010/50", 16, 0},
};

START_TEST(test_symbol_parse)
{
    const symbol_case *c = &symbols[_i];
    const char *end = c->text + (c->cut ? c->cut : strlen(c->text));
    char id[CG_ID_MAX], aliases[CG_ID_MAX];
    int is_res = -1;
    const char *e = cg_symbol_parse(unit_registry(), c->text, end, id, sizeof id, aliases,
                                    sizeof aliases, &is_res);
    if (c->id == NULL) {
        ck_assert_msg(e == NULL, "\"%s\" read as %s", c->text, id);
        return;
    }
    ck_assert_msg(e != NULL, "\"%s\" not read", c->text);
    ck_assert_str_eq(id, c->id);
    ck_assert_uint_eq((size_t)(e - c->text), c->used);
    ck_assert_int_eq(is_res, c->is_resolution);
}
END_TEST

/* A symbol of every series of the bundled registry, alone and joint. */
START_TEST(test_symbol_every_series)
{
    const cg_registry *reg = unit_registry();
    for (size_t i = 0; i < reg->series.n; i++) {
        const char *series = reg->series.items[i].text;
        char text[128], want[128], id[CG_ID_MAX], aliases[CG_ID_MAX];
        int is_res;
        snprintf(text, sizeof text, "%s/2023/123 and", series);
        snprintf(want, sizeof want, "%s/2023/123", series);
        const char *e = cg_symbol_parse(reg, text, text + strlen(text), id, sizeof id, aliases,
                                        sizeof aliases, &is_res);
        ck_assert_msg(e != NULL, "%s", text);
        ck_assert_str_eq(id, want);
        ck_assert_uint_eq((size_t)(e - text), strlen(want));
        snprintf(text, sizeof text, "A/78/1-%s/2023/123", series);
        e = cg_symbol_parse(reg, text, text + strlen(text), id, sizeof id, aliases,
                            sizeof aliases, &is_res);
        ck_assert_msg(e == text + strlen(text), "%s", text);
        ck_assert_str_eq(id, "A/78/1");
        ck_assert_str_eq(aliases, want);
    }
}
END_TEST

/* The table of the first two bytes of the case names lets every name of
 * the registry be tried where it is written, in any case, and skips a
 * word that starts no name. */
START_TEST(test_case_pairs)
{
    const cg_registry *reg = unit_registry();
    cg_extractor *ex = cg_extractor_new(reg);
    ck_assert_ptr_nonnull(ex);
    ck_assert_uint_gt(reg->case_names.n, 0);
    for (size_t i = 0; i < reg->case_names.n; i++) {
        const cg_phrase *ph = &reg->case_names.items[i];
        char text[3] = {ph->text[0], ph->len > 1 ? ph->text[1] : 'x', '\0'};
        if (ph->len > 1 && ph->text[1] == ' ')
            text[1] = '\n'; /* a space of a name matches any white space */
        ck_assert_msg(case_may_start(ex, text), "%s", ph->text);
        for (int k = 0; k < 2; k++)
            text[k] = (char)(cg_is_alpha((unsigned char)text[k]) ? text[k] ^ 0x20 : text[k]);
        ck_assert_msg(case_may_start(ex, text), "%s, case changed", ph->text);
    }
    ck_assert(!case_may_start(ex, "qq"));
    ck_assert(!case_may_start(ex, "1."));
    cg_extractor_free(ex);
}
END_TEST

static Suite *ref_suite(void)
{
    Suite *s = suite_create("ref");
    TCase *tc = tcase_create("ids");
    tcase_add_loop_test(tc, test_ids, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_self_is_not_cited);
    tcase_add_test(tc, test_date_day_then_tab);
    tcase_add_test(tc, test_case_pairs);
    tcase_add_loop_test(tc, test_scan_offsets, 0,
                        (int)(sizeof extra_words / sizeof extra_words[0]));
    tcase_add_test(tc, test_joint_aliases);
    tcase_add_test(tc, test_body_inferred_flag);
    tcase_add_test(tc, test_docid_from_path);
    tcase_add_loop_test(tc, test_symbol_parse, 0, (int)(sizeof symbols / sizeof symbols[0]));
    tcase_add_test(tc, test_symbol_every_series);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(ref_suite)
