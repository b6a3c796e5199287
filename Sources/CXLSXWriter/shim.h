// libxlsxwriter 1.1.x from Debian's libxlsxwriter-dev: Excel workbooks.
#ifndef SURVEY_PIPE_CXLSXWRITER_SHIM_H
#define SURVEY_PIPE_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
