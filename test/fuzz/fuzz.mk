# Fuzzing: libFuzzer targets (clang) and their replay under the default
# compiler.  Included by the Makefile.
#   make fuzz              run every target for FUZZ_SECONDS (default 60)
#   make fuzz-merge        add the new coverage of the last run to test/fuzz/corpus/
# make check replays test/fuzz/corpus/ and test/fuzz/crashers/ through
# the same targets, built with $(CC) and a plain main() (test/fuzz/replay.c).

FUZZ_SECONDS ?= 60
# inputs kept in test/fuzz/corpus/ are cut to this length
FUZZ_KEEP_LEN ?= 1024
FUZZ_CC ?= clang
FUZZ_TARGETS := extract_plain extract_markdown extract_html registry export
FUZZ_DIR := build/fuzz
FUZZ_SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -g -O1 -Wall -Wextra $(FUZZ_SANFLAGS)
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_COMMON := test/fuzz/fuzz_common.c test/fuzz/check.c
FUZZ_HDRS := test/fuzz/fuzz.h test/fuzz/check.h

# target -> source and compile flags
fuzz_src = test/fuzz/$(if $(findstring extract,$(1)),fuzz_extract,fuzz_$(1)).c
fuzz_def = $(if $(findstring extract_,$(1)),-DFUZZ_MARKUP=CG_MARKUP_$(shell echo $(subst extract_,,$(1)) | tr a-z A-Z))

REPLAY_BIN := $(FUZZ_TARGETS:%=$(BUILD)/test/replay_%)
FUZZ_BIN := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

.PHONY: fuzz fuzz-deps fuzz-merge replay

$(BUILD)/test/check.o: test/fuzz/check.c test/fuzz/check.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/test/replay_%: $(FUZZ_HDRS) $(FUZZ_COMMON) test/fuzz/replay.c \
                        test/fuzz/fuzz_extract.c test/fuzz/fuzz_registry.c test/fuzz/fuzz_export.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itest/fuzz $(PKG_CFLAGS) $(CFLAGS) $(call fuzz_def,$*) \
	  $(call fuzz_src,$*) $(FUZZ_COMMON) test/fuzz/replay.c $(LIB) $(PKG_LIBS) -lm -o $@

# the saved inputs of every target, then the bundled documents as text
replay: $(REPLAY_BIN)
	@status=0; \
	for t in $(FUZZ_TARGETS); do \
	  dirs=$$(ls -d test/fuzz/corpus/$$t test/fuzz/crashers/$$t 2>/dev/null); \
	  case $$t in extract_*|export) dirs="$$dirs data/corpus/sample test/gold/docs";; esac; \
	  CITEGRAPH_REGISTRY=data/registry $(BUILD)/test/replay_$$t $$dirs || status=1; \
	done; \
	exit $$status

fuzz-deps:
	@if command -v $(FUZZ_CC) >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "citegraph: installing clang"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang; \
	else \
	  echo "citegraph: fuzzing needs clang; run: sudo apt-get install -y clang" >&2; exit 1; \
	fi

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_DIR)/fuzz_%: $(FUZZ_HDRS) $(FUZZ_COMMON) test/fuzz/fuzz_extract.c \
                    test/fuzz/fuzz_registry.c test/fuzz/fuzz_export.c $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(CPPFLAGS) -Itest/fuzz $(PKG_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	  $(call fuzz_def,$*) $(call fuzz_src,$*) $(FUZZ_COMMON) $(FUZZ_LIB_OBJ) $(PKG_LIBS) -lm -o $@

fuzz: deps fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=$(FUZZ_SECONDS) sh test/fuzz/run.sh $(FUZZ_TARGETS)

fuzz-merge:
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p test/fuzz/corpus/$$t; \
	  CITEGRAPH_REGISTRY=data/registry $(FUZZ_DIR)/fuzz_$$t -merge=1 -max_len=$(FUZZ_KEEP_LEN) \
	    test/fuzz/corpus/$$t $(FUZZ_DIR)/corpus/$$t 2>$(FUZZ_DIR)/merge_$$t.log || exit 1; \
	  echo "$$t: $$(ls test/fuzz/corpus/$$t | wc -l) inputs kept"; \
	done

.SECONDARY: $(FUZZ_LIB_OBJ)

-include $(FUZZ_LIB_OBJ:.o=.d)
