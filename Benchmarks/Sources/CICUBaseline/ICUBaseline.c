#include "CICUBaseline.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct ParleyBaselineBreaker {
    UBreakIterator *iterator;
};

ParleyBaselineBreaker *parley_baseline_open(void) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    if (U_FAILURE(status)) return NULL;
    ParleyBaselineBreaker *breaker = malloc(sizeof *breaker);
    breaker->iterator = iterator;
    return breaker;
}

void parley_baseline_close(ParleyBaselineBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t parley_baseline_count_words(ParleyBaselineBreaker *breaker, const uint8_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, (const char *)text, length, &status);
    ubrk_setUText(breaker->iterator, &ut, &status);
    int32_t count = 0;
    int32_t statusSum = 0;
    while (ubrk_next(breaker->iterator) != UBRK_DONE) {
        statusSum += ubrk_getRuleStatus(breaker->iterator);
        count++;
    }
    utext_close(&ut);
    return count + (statusSum & 0);
}
