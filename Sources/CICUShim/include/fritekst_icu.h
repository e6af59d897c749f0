// Fritekst's whole ICU surface. This header deliberately includes only <stdint.h>: the ICU
// headers (<unicode/*.h>) are included in shim.c alone, so Swift code that also imports
// Foundation (which carries its own, different ICU headers) never sees them.
#ifndef FRITEKST_ICU_H
#define FRITEKST_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opaque break iterator (word or sentence boundaries).
typedef struct fk_breaker fk_breaker;

enum {
  FK_BREAK_WORD = 0,
  FK_BREAK_SENTENCE = 1,
};

/// Returned by fk_breaker_next when there are no more boundaries.
#define FK_DONE (-1)

/// Opens a break iterator for `locale` ("nb", "nn"). On failure returns NULL and sets *status
/// to the ICU error code (> 0).
fk_breaker *fk_breaker_open(int32_t kind, const char *locale, int32_t *status);
void fk_breaker_close(fk_breaker *breaker);
/// Points the iterator at `text` (UTF-16, `length` code units). The text is not copied: it must
/// stay alive and unchanged while the iterator is used. Returns an ICU status (<= 0 is success).
int32_t fk_breaker_set_text(fk_breaker *breaker, const uint16_t *text, int32_t length);
/// The next boundary after the current one (UTF-16 offset), or FK_DONE.
int32_t fk_breaker_next(fk_breaker *breaker);
/// ICU's rule status for the segment that ends at the current boundary. For word iterators:
/// 0–99 none (spaces, punctuation, symbols), 100–199 number, 200–299 letter, 300–399 kana,
/// 400–499 ideographic.
int32_t fk_breaker_rule_status(fk_breaker *breaker);

/// NFC-normalises and case-folds (full Unicode default folding) `src`, then normalises to NFC
/// again. Writes at most `capacity` code units to `dest` and returns the length needed; when that
/// exceeds `capacity`, call again with a larger buffer. *status receives the ICU error code.
int32_t fk_normalize_fold(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                          int32_t *status);

/// NFC only (no case folding), same calling convention as fk_normalize_fold.
int32_t fk_normalize_nfc(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                         int32_t *status);

/// Removes combining diacritics (NFD, drop Mn, NFC): "å" → "a". Used only when a codebook asks for
/// diacritic-insensitive matching; never by default. Same calling convention.
int32_t fk_strip_diacritics(const uint16_t *src, int32_t length, uint16_t *dest,
                            int32_t capacity, int32_t *status);

/// The ICU name of an error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *fk_error_name(int32_t status);
/// The ICU version, e.g. "72.1".
const char *fk_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
