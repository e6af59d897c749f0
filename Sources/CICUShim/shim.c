// The only file in Fritekst that includes ICU headers. See include/fritekst_icu.h.
#include "fritekst_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

struct fk_breaker {
  UBreakIterator *it;
};

fk_breaker *fk_breaker_open(int32_t kind, const char *locale, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  UBreakIteratorType type = kind == FK_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
  UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &err);
  *status = (int32_t)err;
  if (U_FAILURE(err) || it == NULL) return NULL;
  fk_breaker *b = (fk_breaker *)malloc(sizeof(fk_breaker));
  if (b == NULL) {
    ubrk_close(it);
    *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  b->it = it;
  return b;
}

void fk_breaker_close(fk_breaker *breaker) {
  if (breaker == NULL) return;
  ubrk_close(breaker->it);
  free(breaker);
}

int32_t fk_breaker_set_text(fk_breaker *breaker, const uint16_t *text, int32_t length) {
  UErrorCode err = U_ZERO_ERROR;
  static const UChar empty[1] = {0};
  ubrk_setText(breaker->it, text != NULL ? (const UChar *)text : empty, length, &err);
  if (U_SUCCESS(err)) ubrk_first(breaker->it);
  return (int32_t)err;
}

int32_t fk_breaker_next(fk_breaker *breaker) {
  int32_t next = ubrk_next(breaker->it);
  return next == UBRK_DONE ? FK_DONE : next;
}

int32_t fk_breaker_rule_status(fk_breaker *breaker) { return ubrk_getRuleStatus(breaker->it); }

static int32_t normalize_with(const UNormalizer2 *n, const UChar *src, int32_t length, UChar *dest,
                              int32_t capacity, UErrorCode *err) {
  return unorm2_normalize(n, src, length, dest, capacity, err);
}

int32_t fk_normalize_nfc(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                         int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
  if (U_FAILURE(err)) {
    *status = (int32_t)err;
    return 0;
  }
  int32_t n = normalize_with(nfc, (const UChar *)src, length, (UChar *)dest, capacity, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) err = U_ZERO_ERROR;
  *status = (int32_t)err;
  return n;
}

int32_t fk_normalize_fold(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                          int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
  if (U_FAILURE(err)) {
    *status = (int32_t)err;
    return 0;
  }
  // NFC → fold → NFC. Folding can expand (ß → ss) and can produce non-NFC sequences, hence the
  // second pass. Scratch buffers are sized for the worst case and allocated only for this call.
  int32_t cap1 = length * 3 + 16;
  UChar *a = (UChar *)malloc(sizeof(UChar) * (size_t)cap1);
  UChar *b = (UChar *)malloc(sizeof(UChar) * (size_t)cap1);
  if (a == NULL || b == NULL) {
    free(a);
    free(b);
    *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return 0;
  }
  int32_t n1 = normalize_with(nfc, (const UChar *)src, length, a, cap1, &err);
  int32_t n2 = 0, n3 = 0;
  if (U_SUCCESS(err)) n2 = u_strFoldCase(b, cap1, a, n1, U_FOLD_CASE_DEFAULT, &err);
  if (U_SUCCESS(err)) n3 = normalize_with(nfc, b, n2, (UChar *)dest, capacity, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) err = U_ZERO_ERROR;
  free(a);
  free(b);
  *status = (int32_t)err;
  return n3;
}

int32_t fk_strip_diacritics(const uint16_t *src, int32_t length, uint16_t *dest,
                            int32_t capacity, int32_t *status) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
  if (U_FAILURE(err)) {
    *status = (int32_t)err;
    return 0;
  }
  int32_t cap1 = length * 4 + 16;
  UChar *a = (UChar *)malloc(sizeof(UChar) * (size_t)cap1);
  UChar *b = (UChar *)malloc(sizeof(UChar) * (size_t)cap1);
  if (a == NULL || b == NULL) {
    free(a);
    free(b);
    *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return 0;
  }
  int32_t n1 = normalize_with(nfd, (const UChar *)src, length, a, cap1, &err);
  int32_t kept = 0;
  if (U_SUCCESS(err)) {
    int32_t i = 0;
    while (i < n1) {
      UChar32 c;
      int32_t start = i;
      U16_NEXT(a, i, n1, c);
      if (u_charType(c) == U_NON_SPACING_MARK) continue;
      for (int32_t k = start; k < i; k++) b[kept++] = a[k];
    }
  }
  int32_t n3 = 0;
  if (U_SUCCESS(err)) n3 = normalize_with(nfc, b, kept, (UChar *)dest, capacity, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) err = U_ZERO_ERROR;
  free(a);
  free(b);
  *status = (int32_t)err;
  return n3;
}

const char *fk_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const char *fk_icu_version(void) {
  static char buffer[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo v;
  u_getVersion(v);
  u_versionToString(v, buffer);
  return buffer;
}
