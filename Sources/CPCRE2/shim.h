#ifndef TRIAGE_CPCRE2_SHIM_H
#define TRIAGE_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Swift cannot import PCRE2's function-like and cast macros; expose them as functions.
static inline PCRE2_SIZE triage_pcre2_unset(void) { return PCRE2_UNSET; }
static inline PCRE2_SIZE triage_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }

#endif
