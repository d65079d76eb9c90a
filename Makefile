# citegraph — build, test, run.  Everything is built under build/.
#   make            build/citegraph and build/libcitegraph.a
#   make run        the main job on the bundled sample corpus: references, graph
#                   (DOT, GraphML, SVG) and report into graphs/sample/
#   make check      unit suites, end-to-end tests, gold scores
#   make check SANITIZE=1   the same under ASan+UBSan (in build/san/)
#   make tsan       the threaded commands under ThreadSanitizer (in build/tsan/)
#   make bench      every speed target against its reference, with its verdict:
#                   extraction against grep, threads, peak memory, the whole job
#                   against grep and a Python peer, on BENCH_SIZE (1G) of text;
#                   graph build and measures against igraph's own calls on a
#                   synthetic graph of BENCH_VERTICES (10^6) x BENCH_CITES (10)
#   make fuzz       every libFuzzer target for FUZZ_SECONDS (default 60; clang)
#   make deps       install the Debian packages the build needs
#   make shared     build/libcitegraph.so (position-independent objects in build/pic/)
#   make install    the binary, both libraries, headers, citegraph.pc, registry,
#                   man page and bash completion under $(DESTDIR)$(PREFIX)
#   make uninstall  removes what make install installed

CC ?= cc
SANITIZE ?= 0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share/citegraph
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

# the version is written once, in the public header
VERSION := $(shell sed -n 's/^\#define CITEGRAPH_VERSION "\(.*\)"$$/\1/p' include/citegraph/citegraph.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))

ifeq ($(SANITIZE),1)
BUILD := build/san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT := -O1 -g
else ifeq ($(SANITIZE),thread)
BUILD := build/tsan
SANFLAGS := -fsanitize=thread
OPT := -O1 -g
else
BUILD := build
SANFLAGS :=
OPT := -O2 -g
endif

# poppler-glib is compiled against but not linked: it is loaded when the
# first PDF is read (src/input/pdf_lib.c), under the name it has here
PKGS := igraph yaml-0.1
DEB_PKGS := build-essential pkg-config libigraph-dev libyaml-dev libpoppler-glib-dev check graphviz
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) poppler-glib 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -ldl
POPPLER_SONAME = $(shell objdump -p "$$(pkg-config --variable=libdir poppler-glib 2>/dev/null)/libpoppler-glib.so" \
                    2>/dev/null | sed -n 's/^ *SONAME *//p')
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DCG_DATADIR='"$(DATADIR)"'
CFLAGS += -std=c11 -Wall -Wextra -Wpedantic $(OPT) $(SANFLAGS) -MMD -MP
LDFLAGS += $(SANFLAGS)

LIB_SRC := $(sort $(wildcard src/core/*.c src/input/*.c src/lex/*.c src/config/*.c \
             src/ref/*.c src/graph/*.c src/metrics/*.c src/export/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
PIC_OBJ := $(LIB_SRC:%.c=$(BUILD)/pic/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(sort $(wildcard test/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:test/unit/%.c=$(BUILD)/test/%)

LIB := $(BUILD)/libcitegraph.a
SHLIB_REAL := libcitegraph.so.$(VERSION)
SHLIB_SONAME := libcitegraph.so.$(SOMAJOR)
SHLIB := $(BUILD)/$(SHLIB_REAL)
PC := $(BUILD)/citegraph.pc
BIN := $(BUILD)/citegraph
SCORE := $(BUILD)/test/score
GRAPHML_DUMP := $(BUILD)/test/graphml_dump
GRAPH_BENCH := $(BUILD)/bench/graph_bench

.PHONY: all deps run check bench clean valgrind tsan shared install uninstall

# Where things are installed is compiled into the registry lookup and
# written into citegraph.pc: both are rebuilt when it changes.
CONFIG := $(VERSION) $(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(DATADIR)
CONFIG_STAMP := $(BUILD)/config.stamp
$(shell mkdir -p $(BUILD) && [ "$$(cat $(CONFIG_STAMP) 2>/dev/null)" = "$(CONFIG)" ] || \
        echo "$(CONFIG)" >$(CONFIG_STAMP))

all: deps $(BIN) $(LIB)

deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $(PKGS) poppler-glib check \
	    && command -v dot >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "citegraph: installing $(DEB_PKGS)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PKGS); \
	else \
	  echo "citegraph: missing libraries; run: sudo apt-get install -y $(DEB_PKGS)" >&2; exit 1; \
	fi

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -fPIC -c $< -o $@

$(BUILD)/obj/src/config/registry.o $(BUILD)/pic/src/config/registry.o: $(CONFIG_STAMP)
$(BUILD)/obj/src/input/pdf_lib.o $(BUILD)/pic/src/input/pdf_lib.o: \
  CPPFLAGS += $(if $(POPPLER_SONAME),-DCG_POPPLER_SONAME='"$(POPPLER_SONAME)"')

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) $(CLI_OBJ) $(LIB) $(PKG_LIBS) -lm -lpthread -o $@

$(SHLIB): $(PIC_OBJ)
	$(CC) $(LDFLAGS) -shared -Wl,-soname,$(SHLIB_SONAME) -Wl,--no-undefined \
	  $(PIC_OBJ) $(PKG_LIBS) -lm -lpthread -o $@
	ln -sf $(SHLIB_REAL) $(BUILD)/$(SHLIB_SONAME)
	ln -sf $(SHLIB_SONAME) $(BUILD)/libcitegraph.so

$(PC): data/citegraph.pc.in $(CONFIG_STAMP)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@DATADIR@|$(DATADIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' $< >$@

shared: $(SHLIB) $(PC)

REGISTRY_FILES := $(notdir $(wildcard data/registry/*.yaml))
HEADERS := $(notdir $(wildcard include/citegraph/*.h))

install: all shared
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) \
	  $(DESTDIR)$(INCLUDEDIR)/citegraph $(DESTDIR)$(DATADIR)/registry \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/citegraph
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libcitegraph.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB_REAL)
	ln -sf $(SHLIB_REAL) $(DESTDIR)$(LIBDIR)/$(SHLIB_SONAME)
	ln -sf $(SHLIB_SONAME) $(DESTDIR)$(LIBDIR)/libcitegraph.so
	install -m 644 $(addprefix include/citegraph/,$(HEADERS)) $(DESTDIR)$(INCLUDEDIR)/citegraph/
	install -m 644 $(PC) $(DESTDIR)$(PKGCONFIGDIR)/citegraph.pc
	install -m 644 $(addprefix data/registry/,$(REGISTRY_FILES)) $(DESTDIR)$(DATADIR)/registry/
	install -m 644 docs/citegraph.1 $(DESTDIR)$(MANDIR)/man1/citegraph.1
	install -m 644 data/completion/citegraph.bash $(DESTDIR)$(BASHCOMPDIR)/citegraph

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/citegraph $(DESTDIR)$(LIBDIR)/libcitegraph.a \
	  $(DESTDIR)$(LIBDIR)/$(SHLIB_REAL) $(DESTDIR)$(LIBDIR)/$(SHLIB_SONAME) \
	  $(DESTDIR)$(LIBDIR)/libcitegraph.so $(DESTDIR)$(PKGCONFIGDIR)/citegraph.pc \
	  $(addprefix $(DESTDIR)$(INCLUDEDIR)/citegraph/,$(HEADERS)) \
	  $(addprefix $(DESTDIR)$(DATADIR)/registry/,$(REGISTRY_FILES)) \
	  $(DESTDIR)$(MANDIR)/man1/citegraph.1 $(DESTDIR)$(BASHCOMPDIR)/citegraph
	-rmdir $(DESTDIR)$(INCLUDEDIR)/citegraph $(DESTDIR)$(DATADIR)/registry \
	  $(DESTDIR)$(DATADIR) 2>/dev/null

$(BUILD)/test/test_%: test/unit/test_%.c test/unit/unit.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itest/unit $(PKG_CFLAGS) $(CHECK_CFLAGS) $(CFLAGS) $< $(LIB) $(PKG_LIBS) $(CHECK_LIBS) -lm -o $@

# the progress line of the command line, tested with its own object
$(BUILD)/test/test_progress: test/unit/test_progress.c test/unit/unit.h \
                             $(BUILD)/obj/src/cli/progress.o $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itest/unit -Isrc/cli $(PKG_CFLAGS) $(CHECK_CFLAGS) $(CFLAGS) $< \
	  $(BUILD)/obj/src/cli/progress.o $(LIB) $(PKG_LIBS) $(CHECK_LIBS) -lm -o $@

# reading ahead of the passes, tested with its own object
$(BUILD)/test/test_readahead: test/unit/test_readahead.c test/unit/unit.h \
                              $(BUILD)/obj/src/cli/readahead.o $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itest/unit -Isrc/cli $(PKG_CFLAGS) $(CHECK_CFLAGS) $(CFLAGS) $< \
	  $(BUILD)/obj/src/cli/readahead.o $(LIB) $(PKG_LIBS) $(CHECK_LIBS) -lm -o $@

# reads GraphML back with igraph's own reader (test/e2e/graph.sh)
$(GRAPHML_DUMP): test/tools/graphml_dump.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $< $(LIB) $(PKG_LIBS) -lm -lpthread -o $@

$(GRAPH_BENCH): bench/graph_bench.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $< $(LIB) $(PKG_LIBS) -lm -lpthread -o $@

$(SCORE): test/gold/score.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< -o $@

include test/fuzz/fuzz.mk

run: all
	$(BIN) run -o graphs/sample data/corpus/sample

check: all $(UNIT_BIN) $(SCORE) $(GRAPHML_DUMP) $(REPLAY_BIN)
	@status=0; \
	for t in $(UNIT_BIN); do \
	  CITEGRAPH_REGISTRY=data/registry $$t || status=1; \
	done; \
	CITEGRAPH_REGISTRY=data/registry CITEGRAPH_SCAN=avx2 $(BUILD)/test/test_input || status=1; \
	$(MAKE) --no-print-directory replay || status=1; \
	BIN=$(BIN) SCORE=$(SCORE) GRAPHML_DUMP=$(GRAPHML_DUMP) sh test/e2e/run.sh || status=1; \
	BIN=$(BIN) SCORE=$(SCORE) sh test/gold/run.sh || status=1; \
	exit $$status

bench: all $(GRAPH_BENCH)
	@if ! /usr/bin/python3 -c 'import igraph' 2>/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "citegraph: installing python3-igraph for the benchmark's Python peer"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-igraph >/dev/null || true; \
	fi
	BIN=$(BIN) GRAPH_BENCH=$(GRAPH_BENCH) BENCH_SIZE=$${BENCH_SIZE:-1G} sh bench/extract.sh

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(PIC_OBJ:.o=.d)

# the commands that run threads, under ThreadSanitizer (any data race fails):
# run, extract and graph on three threads over the bundled texts, and a
# file large enough to be read in pieces that the threads share
TSAN_RUN = TSAN_OPTIONS=halt_on_error=1:exitcode=66:suppressions=test/tsan.supp build/tsan/citegraph
tsan:
	$(MAKE) SANITIZE=thread build/tsan/citegraph
	@mkdir -p build/tsan/out
	@for i in $$(seq 60); do cat test/gold/docs/*.txt; done >build/tsan/out/big.txt
	$(TSAN_RUN) run -q -t 0 -j 3 -o build/tsan/out/run test/gold/docs data/corpus/sample
	$(TSAN_RUN) extract -q -j 3 test/gold/docs data/corpus/sample test/pdf/*_*.pdf >/dev/null
	$(TSAN_RUN) extract -q -j 3 build/tsan/out/big.txt >/dev/null
	$(TSAN_RUN) graph -q -j 3 --format graphml test/gold/docs data/corpus/sample >/dev/null
	@echo "tsan: no data race"

# every unit suite, one extraction, one graph and one run of the sample corpus under valgrind
valgrind: all $(UNIT_BIN)
	@status=0; \
	for t in $(UNIT_BIN); do \
	  CK_FORK=no CITEGRAPH_REGISTRY=data/registry valgrind -q --leak-check=full \
	    --suppressions=test/valgrind.supp \
	    --errors-for-leak-kinds=definite,indirect --error-exitcode=1 $$t >/dev/null || status=1; \
	done; \
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
	  $(BIN) extract data/corpus/sample test/gold/docs test/pdf/S_1999_779.pdf test/pdf/footnote.pdf \
	  >/dev/null || status=1; \
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
	  $(BIN) graph --format graphml data/corpus/sample >/dev/null || status=1; \
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
	  $(BIN) run -q -t 0 -j 2 -o $(BUILD)/valgrind-run data/corpus/sample || status=1; \
	if [ $$status = 0 ]; then echo "valgrind: 0 errors, 0 leaks"; fi; \
	exit $$status
