// ICU regular expressions over UTF-8, for lexicon `/regex/flags` entries (ParleyModeration).
//
// Only <stdint.h> types and opaque pointers, like CICUBridge.h. Offsets are UTF-8 byte offsets.
#ifndef PARLEY_CICU_REGEX_BRIDGE_H
#define PARLEY_CICU_REGEX_BRIDGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Flags for parley_regex_open (a subset of ICU's URegexpFlag).
enum {
    ParleyRegexCaseInsensitive = 1 << 0,  ///< `i`
    ParleyRegexMultiline = 1 << 1,        ///< `m`
    ParleyRegexDotAll = 1 << 2,           ///< `s`
    ParleyRegexComments = 1 << 3,         ///< `x`
};

/// A compiled ICU regular expression with its own matcher state. Not thread-safe: clone it for
/// each thread or task (cloning shares the compiled pattern and is cheap).
typedef struct ParleyRegex ParleyRegex;

/// Compiles a UTF-8 pattern. On failure returns NULL, sets `*error` to the UErrorCode and
/// `*errorLine`/`*errorOffset` to ICU's parse position (1-based line, 0-based offset in code points
/// on that line; -1 when unknown).
ParleyRegex *parley_regex_open(const uint8_t *pattern, int32_t length, uint32_t flags, int32_t *errorLine,
                               int32_t *errorOffset, int32_t *error);

/// A new matcher sharing the compiled pattern of `regex`; NULL with `*error` set on failure.
ParleyRegex *parley_regex_clone(const ParleyRegex *regex, int32_t *error);

void parley_regex_close(ParleyRegex *regex);

/// Finds every non-overlapping match in UTF-8 `text`, writing UTF-8 byte ranges to `starts`/`ends`.
/// Returns the number of matches; when it exceeds `capacity` only `capacity` were written.
/// No allocation: the UText lives on the stack.
int32_t parley_regex_find_all(ParleyRegex *regex, const uint8_t *text, int32_t length, int32_t *starts,
                              int32_t *ends, int32_t capacity, int32_t *error);

/// The UTS #39 confusable skeleton of a whole UTF-8 string (`pаypal` → `paypal`, `rn` stays `rn`),
/// written to `out`. Returns the length written or needed (> capacity), or -1 on error.
int32_t parley_skeleton_utf8(const uint8_t *text, int32_t length, uint8_t *out, int32_t capacity, int32_t *error);

#ifdef __cplusplus
}
#endif

#endif
