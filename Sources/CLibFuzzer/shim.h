// libFuzzer's C entry for a program that has its own `main` (see docs/fuzzing.md): the fuzz
// executables are Swift executables, whose `main` SwiftPM always links, so instead of libFuzzer's
// `main` they call this. The symbol comes from the toolchain's libclang_rt.fuzzer, which
// `-sanitize=fuzzer` links; it is only referenced when FUZZING is defined.
#ifndef SURVEY_PIPE_CLIBFUZZER_SHIM_H
#define SURVEY_PIPE_CLIBFUZZER_SHIM_H
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
