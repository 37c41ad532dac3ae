// NFC normalization on UTF-8, with an offset map back to the source.
#include "CICUBridge.h"

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/stringpiece.h>

using icu::Normalizer2;

extern "C" int32_t parley_nfc_is_normalized(const uint8_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const Normalizer2 *nfc = Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        *error = status;
        return -1;
    }
    UBool normalized = nfc->isNormalizedUTF8(icu::StringPiece(reinterpret_cast<const char *>(text), length), status);
    *error = status;
    if (U_FAILURE(status)) return -1;
    return normalized ? 1 : 0;
}

extern "C" int32_t parley_nfc_normalize(const uint8_t *text, int32_t length, uint8_t *dest, int32_t destCapacity,
                                        int32_t *destToSource, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const Normalizer2 *nfc = Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    icu::CheckedArrayByteSink sink(reinterpret_cast<char *>(dest), destCapacity);
    icu::Edits edits;
    nfc->normalizeUTF8(0, icu::StringPiece(reinterpret_cast<const char *>(text), length), sink, &edits, status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    int32_t needed = sink.NumberOfBytesAppended();
    if (sink.Overflowed()) {
        needed = edits.lengthDelta() + length;
        *error = U_BUFFER_OVERFLOW_ERROR;
        return needed;
    }
    if (destToSource) {
        icu::Edits::Iterator it = edits.getFineIterator();
        while (it.next(status)) {
            for (int32_t i = 0; i < it.newLength(); i++) {
                destToSource[it.destinationIndex() + i] = it.hasChange() ? it.sourceIndex() : it.sourceIndex() + i;
            }
        }
        destToSource[needed] = length;
    }
    *error = status;
    return needed;
}
