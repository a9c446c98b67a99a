#ifndef WINNOW_CPCRE2_SHIM_H
#define WINNOW_CPCRE2_SHIM_H
// pcre2.h needs the code unit width chosen before it is included; winnow
// works on UTF-8 bytes, so it uses the 8-bit library.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
