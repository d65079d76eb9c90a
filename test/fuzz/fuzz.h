/* Shared by the fuzz targets: the entry point libFuzzer calls (the
 * replay driver calls it too), the bundled registry, and a check that
 * stops the run with a message when an output does not parse back. */
#ifndef CITEGRAPH_TEST_FUZZ_H
#define CITEGRAPH_TEST_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "citegraph/citegraph.h"

/* Runs one input through the target; always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The registry of CITEGRAPH_REGISTRY, else data/registry; loaded once
 * (aborts if it cannot be loaded). */
const cg_registry *fuzz_registry(void);

/* Aborts with a message naming the format when ok is 0. */
void fuzz_require(int ok, const char *format, const check_why *why, const char *text,
                  size_t len);

#endif
