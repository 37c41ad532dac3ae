"""Shared pieces of the language-ID trainer and its evaluation: text normalization, tokenization,
the character language model and the scorer.

The scorer here is the reference for Sources/ParleyLanguage: the Swift recognizer hashes the same
bytes, reads the same quantized tables and adds the same numbers, so a figure measured here and
one measured through `parley langid` differ only where the Swift segmenter tokenizes differently.
"""

import math
import re
import struct
import unicodedata
import zlib

MAX_ORDER = 5                 # character n-grams of 1..5 code points, '<' and '>' mark word edges
QUANT_MIN = -16.0             # n-gram log-probabilities are stored as u8 over [QUANT_MIN, 0]
QUANT_STEPS = 254             # 0..254 are values; 255 means "absent"
# Word scores are stored as their distance below the word's best language, over [0, word_cap] in u8.
ABSENT = 255
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = 0xFFFFFFFFFFFFFFFF

ELISIONS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "qu", "l", "d", "j", "m", "n", "s", "t", "c")
ELISION_RE = re.compile(r"^(" + "|".join(ELISIONS) + r")'(?=[^\W\d_])", re.IGNORECASE)
WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*(?:-[^\W\d_]+(?:['’ʼ][^\W\d_]+)*)*|[^\w\s]+|\d[\w.,:]*|_+", re.UNICODE)
SENTENCE_END = set(".!?…")


INVISIBLE = {0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}
MAX_WORD = 64            # longer unknown words carry no evidence (junk, glued text)
MAX_WORD_BYTES = 256
INVERTED = "INVERTED"    # a punctuation token with ¿ or ¡: Spanish evidence


def lower(text):
    """Lower-cases exactly as the Swift side does: ASCII and Latin-1 capitals, Œ, ẞ; apostrophes
    ’ and ʼ become '; zero-width characters, soft hyphens and BOMs are dropped. Everything else is
    kept (NFC input)."""
    out = []
    for ch in text:
        cp = ord(ch)
        if 0x41 <= cp <= 0x5A or (0xC0 <= cp <= 0xDE and cp != 0xD7):
            out.append(chr(cp + 0x20))
        elif cp == 0x152:
            out.append("\u0153")
        elif cp == 0x1E9E:
            out.append("\u00DF")
        elif cp in (0x2019, 0x2BC):
            out.append("'")
        elif cp in INVISIBLE:
            continue
        else:
            out.append(ch)
    return "".join(out)


def fnv1a(data, h=FNV_OFFSET):
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & MASK64
    return h


def is_latin_word(token):
    return all(not c.isalpha() or ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in token)


def words_of(text):
    """Yields (word, capitalized_mid_sentence) for the evidence of a text, split the way the Swift
    segmenter gives tokens: a French elision ('l'', 'qu'') is its own token, a hyphenated word is
    scored part by part, words are lower-cased; a punctuation run with ¿ or ¡ yields INVERTED."""
    text = unicodedata.normalize("NFC", text)
    sentence_start = True
    for match in WORD_RE.finditer(text):
        raw = match.group(0)
        if not raw[0].isalnum() and raw[0] != "_":
            if any(c in SENTENCE_END for c in raw):
                sentence_start = True
            if "¿" in raw or "¡" in raw:
                yield INVERTED, False
            continue
        if not raw[0].isalpha():
            continue
        tokens = [raw]
        m = ELISION_RE.match(raw.replace("’", "'").replace("ʼ", "'"))
        if m:
            tokens = [raw[:len(m.group(1)) + 1], raw[len(m.group(1)) + 1:]]
        for token in tokens:
            mid = token[0].isupper() and not sentence_start
            sentence_start = False
            if not is_latin_word(token):
                continue
            for part in token.split("-"):
                if part:
                    yield lower(part), mid


def quantize(logp):
    v = round((logp - QUANT_MIN) / (-QUANT_MIN) * QUANT_STEPS)
    return max(0, min(QUANT_STEPS, v))


def dequantize(q):
    return QUANT_MIN + q * (-QUANT_MIN) / QUANT_STEPS


class Tables:
    """The model as the Swift side sees it: hash-keyed n-gram and word tables with quantized values."""

    def __init__(self, languages, targets, ngram_p, ngram_l, words, unseen, word_cap):
        self.languages = languages          # list of codes, targets first
        self.targets = targets              # how many of them can be answered (the rest are guards)
        self.ngram_p = ngram_p              # hash64 -> list[u8] (ABSENT or quantized log P(last | context))
        self.ngram_l = ngram_l              # hash64 -> list[u8] (ABSENT or quantized log lambda(context))
        self.words = words                  # hash64 -> list[u8] (quantized distance below the word's best)
        self.unseen = unseen                # log-prob of a character never seen in a language
        self.word_cap = word_cap            # one word puts a language at most this far below its best

    def char_scores(self, word):
        """Sum over the characters of '<word>' of log P(c | up to 4 previous characters), per language,
        with interpolated back-off through the stored context weights."""
        n = len(self.languages)
        chars = [c.encode("utf-8") for c in "<" + word + ">"]
        totals = [0.0] * n
        for i in range(1, len(chars)):
            resolved = [False] * n
            penalty = [0.0] * n
            for order in range(min(MAX_ORDER, i + 1), 0, -1):
                key = fnv1a(b"".join(chars[i - order + 1:i + 1]))
                p = self.ngram_p.get(key)
                ctx = fnv1a(b"".join(chars[i - order + 1:i])) if order > 1 else None
                lam = self.ngram_l.get(ctx) if ctx is not None else None
                for k in range(n):
                    if resolved[k]:
                        continue
                    if p is not None and p[k] != ABSENT:
                        totals[k] += penalty[k] + dequantize(p[k])
                        resolved[k] = True
                    elif lam is not None and lam[k] != ABSENT:
                        penalty[k] += dequantize(lam[k])
                if all(resolved):
                    break
            for k in range(n):
                if not resolved[k]:
                    totals[k] += penalty[k] + self.unseen
        return totals

    def capped(self, scores):
        """Scores relative to the best language, each at least -word_cap."""
        best = max(scores)
        return [max(s - best, -self.word_cap) for s in scores]

    def word_scores(self, word):
        """(scores, known): the stored word score when the word is in the word table, else the
        character model's; both relative to the word's best language and capped. None for a word
        too long to be evidence."""
        data = word.encode("utf-8")
        if not data or len(data) > MAX_WORD_BYTES:
            return None
        entry = self.words.get(fnv1a(data))
        if entry is not None:
            return [-dequantize_distance(v, self.word_cap) for v in entry], True
        if len(word) > MAX_WORD:
            return None
        return self.capped(self.char_scores(word)), False


def quantize_distance(d, cap):
    return max(0, min(255, round(d / cap * 255)))


def dequantize_distance(q, cap):
    return q * cap / 255


def posterior(scores, prior=None):
    m = max(scores)
    ex = [math.exp(s - m) * (prior[i] if prior else 1.0) for i, s in enumerate(scores)]
    z = sum(ex)
    return [e / z for e in ex]


class Scorer:
    """Message-level decision, mirrored by LanguageRecognizer."""

    def __init__(self, tables, threshold, targets, guard_prior):
        self.t = tables
        self.prior = [1.0 if code in targets else guard_prior for code in tables.languages]
        self.threshold = threshold      # dominant language needs at least this posterior
        self.targets = targets          # codes that can be answered; others are guards (answer und)

    def scores(self, text):
        n = len(self.t.languages)
        totals = [0.0] * n
        evidence = 0
        for word, mid_capital in words_of(text):
            if word == INVERTED:
                scores = [0.0 if code == "es" else -self.t.word_cap for code in self.t.languages]
            else:
                scored = self.t.word_scores(word)
                if scored is None:
                    continue
                scores, known = scored
                if mid_capital and not known:
                    continue            # a name: no language evidence
            for k in range(n):
                totals[k] += scores[k]
            evidence += 1
        return totals, evidence

    def classify(self, text):
        totals, evidence = self.scores(text)
        if evidence == 0:
            return "und", 0.0
        post = posterior(totals, self.prior)
        k = max(range(len(post)), key=lambda i: post[i])
        code = self.t.languages[k]
        if code not in self.targets or post[k] < self.threshold:
            return "und", post[k]
        return code, post[k]


LOAD_FACTOR = 0.7
VERSION = 2


def mix(h):
    """MurmurHash3's 64-bit finalizer: FNV-1a's low bits are poorly mixed for short n-grams, which
    would cluster them in the table."""
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & MASK64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & MASK64
    h ^= h >> 33
    return h


def slot_of(h, capacity):
    """Home slot of a 64-bit FNV-1a hash: the high 32 bits of its mix, scaled to the capacity."""
    return ((mix(h) >> 32) * capacity) >> 32


def fingerprint(h):
    """The 32 bits a slot stores: the low half of the mix, never 0 (0 marks an empty slot)."""
    return (mix(h) & 0xFFFFFFFF) | 1


def build_table(entries):
    """Open addressing with linear probing; a slot holds a 32-bit fingerprint (0 = empty)."""
    capacity = max(1, int(len(entries) / LOAD_FACTOR) + 1)
    keys = [0] * capacity
    slots = [None] * capacity
    for h in sorted(entries):
        i = slot_of(h, capacity)
        fp = fingerprint(h)
        while keys[i] != 0:
            if keys[i] == fp:
                raise ValueError("fingerprint collision between two keys")
            i = i + 1 if i + 1 < capacity else 0
        keys[i] = fp
        slots[i] = entries[h]
    return capacity, keys, slots


def write_model(path, tables, threshold, guard_prior):
    """Binary layout (little-endian), read by LanguageModel.swift:
    magic 'PLID', u32 version, u32 language count L, u32 target count T (the first T languages can
    be answered, the others are guards that answer und), L x 4-byte ASCII codes (space padded),
    f32 QUANT_MIN, u32 QUANT_STEPS, f32 unseen, f32 word_cap, u32 MAX_ORDER, f32 threshold, f32 guard_prior,
    u32 n-gram capacity C, C x u32 fingerprints, C x L u8 P, C x L u8 lambda,
    u32 word capacity W, W x u32 fingerprints, W x L u8 distances,
    u32 CRC-32 (zlib) of everything before it.
    With m = mix(FNV-1a-64 of the key's UTF-8): home slot = ((m >> 32) * capacity) >> 32, linear probing;
    fingerprint = (m & 0xFFFFFFFF) | 1."""
    langs = tables.languages
    L = len(langs)
    merged = {}
    for h in set(tables.ngram_p) | set(tables.ngram_l):
        merged[h] = (tables.ngram_p.get(h, [ABSENT] * L), tables.ngram_l.get(h, [ABSENT] * L))
    cap, keys, slots = build_table(merged)
    wcap, wkeys, wslots = build_table(tables.words)
    targets = tables.targets

    out = bytearray()
    out += b"PLID"
    out += struct.pack("<III", VERSION, L, targets)
    for code in langs:
        out += code.encode("ascii").ljust(4, b" ")
    out += struct.pack("<fIffIff", QUANT_MIN, QUANT_STEPS, tables.unseen, tables.word_cap, MAX_ORDER,
                       threshold, guard_prior)
    absent = bytes([ABSENT] * L)
    out += struct.pack("<I", cap)
    out += struct.pack("<%dI" % cap, *keys)
    out += b"".join(bytes(s[0]) if s else absent for s in slots)
    out += b"".join(bytes(s[1]) if s else absent for s in slots)
    out += struct.pack("<I", wcap)
    out += struct.pack("<%dI" % wcap, *wkeys)
    zero = bytes(L)
    out += b"".join(bytes(s) if s else zero for s in wslots)
    out += struct.pack("<I", zlib.crc32(out))
    with open(path, "wb") as f:
        f.write(out)
    return len(out)
