// ICU regular expressions and whole-string confusable skeletons for ParleyModeration.
#include "CICURegexBridge.h"

#include <unicode/uregex.h>
#include <unicode/uspoof.h>
#include <unicode/utext.h>

struct ParleyRegex {
    URegularExpression *regex;
};

extern "C" ParleyRegex *parley_regex_open(const uint8_t *pattern, int32_t length, uint32_t flags, int32_t *errorLine,
                                          int32_t *errorOffset, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    uint32_t icuFlags = 0;
    if (flags & ParleyRegexCaseInsensitive) icuFlags |= UREGEX_CASE_INSENSITIVE;
    if (flags & ParleyRegexMultiline) icuFlags |= UREGEX_MULTILINE;
    if (flags & ParleyRegexDotAll) icuFlags |= UREGEX_DOTALL;
    if (flags & ParleyRegexComments) icuFlags |= UREGEX_COMMENTS;
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, reinterpret_cast<const char *>(pattern), length, &status);
    UParseError parseError{};
    parseError.line = -1;
    parseError.offset = -1;
    URegularExpression *regex = U_SUCCESS(status) ? uregex_openUText(&text, icuFlags, &parseError, &status) : nullptr;
    utext_close(&text);
    *errorLine = parseError.line;
    *errorOffset = parseError.offset;
    *error = status;
    if (U_FAILURE(status)) {
        if (regex) uregex_close(regex);
        return nullptr;
    }
    return new ParleyRegex{regex};
}

extern "C" ParleyRegex *parley_regex_clone(const ParleyRegex *regex, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *clone = uregex_clone(regex->regex, &status);
    *error = status;
    if (U_FAILURE(status)) return nullptr;
    return new ParleyRegex{clone};
}

extern "C" void parley_regex_close(ParleyRegex *regex) {
    if (!regex) return;
    uregex_close(regex->regex);
    delete regex;
}

extern "C" int32_t parley_regex_find_all(ParleyRegex *regex, const uint8_t *text, int32_t length, int32_t *starts,
                                         int32_t *ends, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, reinterpret_cast<const char *>(text), length, &status);
    uregex_setUText(regex->regex, &utext, &status);
    int32_t count = 0;
    while (U_SUCCESS(status) && uregex_findNext(regex->regex, &status)) {
        if (count < capacity) {
            starts[count] = static_cast<int32_t>(uregex_start64(regex->regex, 0, &status));
            ends[count] = static_cast<int32_t>(uregex_end64(regex->regex, 0, &status));
        }
        count++;
    }
    // Detach the stack UText before it goes away.
    UErrorCode resetStatus = U_ZERO_ERROR;
    uregex_setText(regex->regex, u"", 0, &resetStatus);
    utext_close(&utext);
    *error = status;
    return count;
}

extern "C" int32_t parley_skeleton_utf8(const uint8_t *text, int32_t length, uint8_t *out, int32_t capacity,
                                        int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    thread_local USpoofChecker *checker = nullptr;
    if (!checker) {
        checker = uspoof_open(&status);
        if (U_FAILURE(status)) {
            *error = status;
            checker = nullptr;
            return -1;
        }
    }
    int32_t written = uspoof_getSkeletonUTF8(checker, 0, reinterpret_cast<const char *>(text), length,
                                             reinterpret_cast<char *>(out), capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        *error = U_ZERO_ERROR;
        return written;
    }
    *error = status;
    return U_FAILURE(status) ? -1 : written;
}
