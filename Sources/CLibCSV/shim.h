// The one C header survey-pipe reads: libcsv 3.x from Debian's libcsv-dev.
#ifndef SURVEY_PIPE_CLIBCSV_SHIM_H
#define SURVEY_PIPE_CLIBCSV_SHIM_H
#include <csv.h>
#endif
