// Raw ICU word break over UTF-8: the baseline every Parley benchmark is reported against.
#ifndef PARLEY_ICU_BASELINE_H
#define PARLEY_ICU_BASELINE_H
#include <stdint.h>

typedef struct ParleyBaselineBreaker ParleyBaselineBreaker;

/// Opens a root-locale word break iterator (once; reused for every message, as Parley does).
ParleyBaselineBreaker *parley_baseline_open(void);
void parley_baseline_close(ParleyBaselineBreaker *breaker);
/// Walks every word boundary of the text and returns how many there are, reading each rule status
/// (the least a tokenizer needs from ICU).
int32_t parley_baseline_count_words(ParleyBaselineBreaker *breaker, const uint8_t *text, int32_t length);

#endif
