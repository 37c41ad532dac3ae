// Code point properties, folding and confusable skeletons, computed by ICU.
#include "CICUBridge.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <mutex>

using icu::UnicodeString;

extern "C" uint32_t parley_char_properties(int32_t c) {
    uint32_t bits = 0;
    if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) bits |= ParleyCharLetter;
    int8_t type = u_charType(c);
    switch (type) {
    case U_DECIMAL_DIGIT_NUMBER: bits |= ParleyCharDigit; break;
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION: case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
        bits |= ParleyCharPunctuation; break;
    case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
        bits |= ParleyCharSymbol; break;
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
        bits |= ParleyCharMark; break;
    case U_FORMAT_CHAR: bits |= ParleyCharFormat; break;
    default: break;
    }
    if (u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) bits |= ParleyCharWhitespace;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) bits |= ParleyCharPictographic;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) bits |= ParleyCharEmojiPresentation;
    if (u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) bits |= ParleyCharRegionalIndicator;
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) bits |= ParleyCharDefaultIgnorable;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER)) bits |= ParleyCharEmojiModifier;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_COMPONENT)) bits |= ParleyCharEmojiComponent;
    if (u_hasBinaryProperty(c, UCHAR_UPPERCASE)) bits |= ParleyCharUppercase;
    int32_t gcb = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);
    if (gcb != U_GCB_OTHER && gcb != U_GCB_CONTROL && gcb != U_GCB_CR && gcb != U_GCB_LF) bits |= ParleyCharGraphemeJoins;
    return bits;
}

extern "C" int32_t parley_char_script(int32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    return U_FAILURE(status) ? USCRIPT_INVALID_CODE : static_cast<int32_t>(script);
}

static int32_t write_utf8(const UnicodeString &s, uint8_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strToUTF8(reinterpret_cast<char *>(out), capacity, &length, s.getBuffer(), s.length(), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return length;
    return U_FAILURE(status) ? -1 : length;
}

// Latin-ASCII folds the letters NFKD leaves whole (œ, æ, ø, ł, đ…). Transliterators are not
// safe for concurrent use, so calls are serialized; Parley caches the results per code point.
static std::mutex translit_lock;
static icu::Transliterator *latin_ascii() {
    static icu::Transliterator *instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        icu::Transliterator *t = icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status);
        return U_SUCCESS(status) ? t : nullptr;
    }();
    return instance;
}

extern "C" int32_t parley_fold_code_point(int32_t c, uint8_t *out, int32_t capacity) {
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return 0;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfkd = icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status)) return -1;
    UnicodeString decomposed = nfkd->normalize(UnicodeString(static_cast<UChar32>(c)), status);
    if (U_FAILURE(status)) return -1;
    UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 d = decomposed.char32At(i);
        int8_t type = u_charType(d);
        if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK && !u_hasBinaryProperty(d, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
            kept.append(d);
        }
        i += U16_LENGTH(d);
    }
    kept.foldCase();
    bool nonAscii = false;
    for (int32_t i = 0; i < kept.length(); i++) nonAscii |= kept.charAt(i) > 0x7F;
    if (nonAscii && uscript_getScript(kept.char32At(0), &status) == USCRIPT_LATIN) {
        std::lock_guard<std::mutex> guard(translit_lock);
        if (icu::Transliterator *t = latin_ascii()) t->transliterate(kept);
        kept.foldCase();
    }
    return write_utf8(kept, out, capacity);
}

static std::mutex spoof_lock;
static USpoofChecker *spoof_checker() {
    static USpoofChecker *instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker *checker = uspoof_open(&status);
        return U_SUCCESS(status) ? checker : nullptr;
    }();
    return instance;
}

extern "C" int32_t parley_confusable_skeleton(int32_t c, uint8_t *out, int32_t capacity) {
    UChar source[2];
    int32_t sourceLength = 0;
    U16_APPEND_UNSAFE(source, sourceLength, c);
    UChar skeleton[32];
    UErrorCode status = U_ZERO_ERROR;
    int32_t skeletonLength;
    {
        std::lock_guard<std::mutex> guard(spoof_lock);
        USpoofChecker *checker = spoof_checker();
        if (!checker) return -1;
        skeletonLength = uspoof_getSkeleton(checker, 0, source, sourceLength, skeleton, 32, &status);
    }
    if (U_FAILURE(status)) return -1;
    UnicodeString folded(skeleton, skeletonLength);
    folded.foldCase();
    return write_utf8(folded, out, capacity);
}

extern "C" int32_t parley_fold_case_utf8(const uint8_t *text, int32_t length, uint8_t *out, int32_t capacity, int32_t *error) {
    UnicodeString s = UnicodeString::fromUTF8(icu::StringPiece(reinterpret_cast<const char *>(text), length));
    s.foldCase();
    int32_t written = write_utf8(s, out, capacity);
    *error = written < 0 ? U_INVALID_CHAR_FOUND : U_ZERO_ERROR;
    return written;
}
