// libreadstat 1.1.x from Debian's libreadstat-dev: Stata (.dta) and SPSS (.sav) files.
#ifndef SURVEY_PIPE_CREADSTAT_SHIM_H
#define SURVEY_PIPE_CREADSTAT_SHIM_H
#include <readstat.h>
#endif
