// A thin C face over system ICU for Parley's Swift modules.
//
// Swift modules that import Foundation cannot also import ICU's headers (UErrorCode and friends
// clash with Foundation's bundled ICU), so this header exposes only <stdint.h> types and opaque
// pointers. Every function that can fail reports ICU's UErrorCode as an int32_t (0 is success,
// negative values are warnings, positive values are errors).
#ifndef PARLEY_CICU_BRIDGE_H
#define PARLEY_CICU_BRIDGE_H

#include <stdint.h>

// Other bridge headers, each with its own concern.
#include "CICURegexBridge.h"

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Break iteration

/// Which boundaries a breaker finds.
typedef enum ParleyBreakKind : int32_t {
    ParleyBreakWord = 0,
    ParleyBreakCharacter = 1,
} ParleyBreakKind;

/// A reusable ICU break iterator (root locale). Not thread-safe: one per thread or task.
typedef struct ParleyBreaker ParleyBreaker;

/// Opens a breaker; NULL on failure with `*error` set.
ParleyBreaker *parley_breaker_open(ParleyBreakKind kind, int32_t *error);
void parley_breaker_close(ParleyBreaker *breaker);

/// Segments UTF-8 `text` of `length` bytes, writing each segment's end offset (UTF-8 bytes) and
/// rule status (UBRK_WORD_* for word breaks, 0 for characters) into `ends`/`statuses`.
/// Returns the number of segments; when it exceeds `capacity` only `capacity` were written and
/// the caller retries with a bigger buffer. No allocation: the UText lives on the stack.
int32_t parley_breaker_segment(ParleyBreaker *breaker, const uint8_t *text, int32_t length,
                               int32_t *ends, int32_t *statuses, int32_t capacity, int32_t *error);

/// Counts segments (e.g. grapheme clusters) without writing them.
int32_t parley_breaker_count(ParleyBreaker *breaker, const uint8_t *text, int32_t length, int32_t *error);

// MARK: - Normalization

/// 1 when the UTF-8 text is already NFC, 0 when not, -1 on error.
int32_t parley_nfc_is_normalized(const uint8_t *text, int32_t length, int32_t *error);

/// NFC-normalizes UTF-8 `text` into `dest` (capacity `destCapacity`) and returns the length needed.
/// When `destToSource` is not NULL it receives destLength + 1 entries: the source offset each
/// destination byte comes from (the start of its edit), so spans map back to the original.
int32_t parley_nfc_normalize(const uint8_t *text, int32_t length, uint8_t *dest, int32_t destCapacity,
                             int32_t *destToSource, int32_t *error);

// MARK: - Code point properties

/// Bits returned by parley_char_properties.
enum {
    ParleyCharLetter = 1 << 0,          ///< Alphabetic
    ParleyCharDigit = 1 << 1,           ///< Decimal digit (Nd)
    ParleyCharWhitespace = 1 << 2,      ///< White_Space
    ParleyCharPunctuation = 1 << 3,     ///< General category P*
    ParleyCharSymbol = 1 << 4,          ///< General category S*
    ParleyCharMark = 1 << 5,            ///< General category M*
    ParleyCharPictographic = 1 << 6,    ///< Extended_Pictographic
    ParleyCharEmojiPresentation = 1 << 7,
    ParleyCharRegionalIndicator = 1 << 8,
    ParleyCharDefaultIgnorable = 1 << 9, ///< Default_Ignorable_Code_Point (zero-width, bidi, VS…)
    ParleyCharEmojiModifier = 1 << 10,
    ParleyCharEmojiComponent = 1 << 11,
    ParleyCharUppercase = 1 << 12,
    ParleyCharFormat = 1 << 13,         ///< General category Cf
    ParleyCharGraphemeJoins = 1 << 14,  ///< Grapheme_Cluster_Break other than Other/Control/CR/LF: may join a cluster
};

/// Property bits of a code point (see the enum above).
uint32_t parley_char_properties(int32_t codePoint);

/// The UScriptCode of a code point (0 = Common, 1 = Inherited, 25 = Latin, 8 = Cyrillic, 14 = Greek…).
int32_t parley_char_script(int32_t codePoint);

/// Folds one code point for matching: default-ignorables vanish, NFKD, combining marks removed,
/// full case folding, then Latin-ASCII transliteration (œ → oe, ł → l). Writes UTF-8 to `out` and
/// returns its length (0 when the code point folds to nothing), or the length needed if > capacity.
int32_t parley_fold_code_point(int32_t codePoint, uint8_t *out, int32_t capacity);

/// The UTS #39 confusable skeleton of one code point, case-folded, as UTF-8 (e.g. Cyrillic а → "a").
/// Returns the length written or needed, or -1 on error.
int32_t parley_confusable_skeleton(int32_t codePoint, uint8_t *out, int32_t capacity);

/// Lower-cases UTF-8 text with full case folding (used on URL hosts and for lexicon keys).
int32_t parley_fold_case_utf8(const uint8_t *text, int32_t length, uint8_t *out, int32_t capacity, int32_t *error);

/// The ICU version string, e.g. "72.1".
const char *parley_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
