// ICU break iteration over UTF-8, with the iterator reused across messages.
#include "CICUBridge.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <new>

struct ParleyBreaker {
    UBreakIterator *iterator;
};

extern "C" ParleyBreaker *parley_breaker_open(ParleyBreakKind kind, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == ParleyBreakCharacter ? UBRK_CHARACTER : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, "", nullptr, 0, &status);
    *error = status;
    if (U_FAILURE(status)) return nullptr;
    ParleyBreaker *breaker = new (std::nothrow) ParleyBreaker{iterator};
    if (!breaker) {
        ubrk_close(iterator);
        *error = U_MEMORY_ALLOCATION_ERROR;
    }
    return breaker;
}

extern "C" void parley_breaker_close(ParleyBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    delete breaker;
}

// Points the iterator at the text; the UText is caller-owned stack memory, so nothing is allocated.
static bool attach(ParleyBreaker *breaker, UText *text, const uint8_t *bytes, int32_t length, UErrorCode *status) {
    utext_openUTF8(text, reinterpret_cast<const char *>(bytes), length, status);
    if (U_FAILURE(*status)) return false;
    ubrk_setUText(breaker->iterator, text, status);
    return U_SUCCESS(*status);
}

extern "C" int32_t parley_breaker_segment(ParleyBreaker *breaker, const uint8_t *bytes, int32_t length,
                                          int32_t *ends, int32_t *statuses, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    if (!attach(breaker, &text, bytes, length, &status)) {
        *error = status;
        return 0;
    }
    int32_t count = 0;
    for (int32_t end = ubrk_next(breaker->iterator); end != UBRK_DONE; end = ubrk_next(breaker->iterator)) {
        if (count < capacity) {
            ends[count] = end;
            statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        }
        count++;
    }
    utext_close(&text);
    *error = U_ZERO_ERROR;
    return count;
}

extern "C" int32_t parley_breaker_count(ParleyBreaker *breaker, const uint8_t *bytes, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    if (!attach(breaker, &text, bytes, length, &status)) {
        *error = status;
        return 0;
    }
    int32_t count = 0;
    while (ubrk_next(breaker->iterator) != UBRK_DONE) count++;
    utext_close(&text);
    *error = U_ZERO_ERROR;
    return count;
}

extern "C" const char *parley_icu_version(void) {
    return U_ICU_VERSION;
}
