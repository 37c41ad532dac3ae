#!/usr/bin/env python3
"""Trains Parley's language-ID model (Models/langid/langid.bin).

Method (chosen by measurement on the dev split, see PROVENANCE.md):
- a character language model per language (orders 1..5 over '<word>', interpolated absolute
  discounting) trained on the Universal Dependencies sentences of fr/en/es/de and of the guard
  languages it/pt/nl, which take probability mass so that their text answers `und`;
- a word table: each known word's score mixes its word frequency (wordfreq "small" lists for
  fr/en/es/de, the corpora's own counts, and Scripts/langid/chat-words.tsv) with the character model;
- a message scores the sum of its words (each word's pull capped), a posterior over languages and a
  reliability threshold.

Splits are by line number in each corpus file: n % 10 == 0 test, n % 10 == 5 dev, the rest train.
Only the train lines are read for the model. Output is bit-for-bit reproducible.

Usage:
  python3 Scripts/langid/train.py [--corpora DIR] [--wordfreq DIR] [--out Models/langid/langid.bin]
  python3 Scripts/langid/train.py --tune      # grid of settings scored on the dev split
"""

import argparse
import math
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import langid_model as lm  # noqa: E402

TARGETS = ["fr", "en", "es", "de"]
GUARDS = ["it", "pt", "nl"]
LANGUAGES = TARGETS + GUARDS

# Settings chosen with --tune on the dev split (see PROVENANCE.md for the figures).
DISCOUNT = 0.75          # absolute discount of the character model
MIN_COUNT = 3            # n-grams (n >= 2) seen fewer times are left to back-off
WORD_WEIGHT = 0.5        # lambda: share of the word-frequency model in a known word's probability
CORPUS_WEIGHT = 0.5      # a corpus count's frequency is scaled by this before mixing with wordfreq
MIN_CORPUS_COUNT = 2     # corpus words seen fewer times stay out of the word table
WORD_PRUNE = 0.5         # words whose score is within this of the character model's are not stored
WORD_CAP = 12.0          # one word puts a language at most this many nats below the word's best
THRESHOLD = 0.7          # posterior the dominant language needs
GUARD_PRIOR = 0.1        # prior weight of a guard language (it/pt/nl) against 1 for fr/en/es/de

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def split_of(index):
    r = index % 10
    return "test" if r == 0 else "dev" if r == 5 else "train"


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def read_split(corpora, code, split):
    lines = read_lines(os.path.join(corpora, code + ".txt"))
    return [line for i, line in enumerate(lines) if split_of(i) == split]


def read_wordfreq(directory, code):
    path = os.path.join(directory, "wordfreq_small_%s.tsv" % code)
    result = {}
    for line in read_lines(path):
        if line.startswith("#"):
            continue
        word, zipf = line.split("\t")
        result[word] = float(zipf)
    return result


def read_chat_words(path):
    result = defaultdict(dict)
    for number, line in enumerate(read_lines(path), 1):
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[0] not in LANGUAGES:
            raise SystemExit("%s:%d: expected lang<TAB>word<TAB>zipf" % (path, number))
        code, word, zipf = fields
        result[code][lm.lower(word)] = max(float(zipf), result[code].get(word, 0.0))
    return result


def single_word(word):
    """The key a word-list entry gets, or None when the segmenter would never give it as one word."""
    tokens = list(lm.words_of(word))
    if len(tokens) != 1 or tokens[0][0] == lm.INVERTED:
        return None
    return tokens[0][0]


class CharModel:
    def __init__(self, word_counts, discount):
        """word_counts: {word: count}. Counts n-grams of '<word>' (code points), orders 1..MAX_ORDER."""
        self.discount = discount
        self.counts = [defaultdict(int) for _ in range(lm.MAX_ORDER + 1)]
        for word in sorted(word_counts):
            count = word_counts[word]
            s = "<" + word + ">"
            for i in range(1, len(s)):
                for order in range(1, min(lm.MAX_ORDER, i + 1) + 1):
                    self.counts[order][s[i - order + 1:i + 1]] += count
        # context statistics: total count and distinct continuations
        self.ctx_total = [defaultdict(int) for _ in range(lm.MAX_ORDER + 1)]
        self.ctx_types = [defaultdict(int) for _ in range(lm.MAX_ORDER + 1)]
        for order in range(2, lm.MAX_ORDER + 1):
            for gram, count in self.counts[order].items():
                self.ctx_total[order - 1][gram[:-1]] += count
                self.ctx_types[order - 1][gram[:-1]] += 1
        self.unigram_total = sum(self.counts[1].values())

    def prob(self, gram, alphabet):
        order = len(gram)
        if order == 1:
            return (self.counts[1].get(gram, 0) + 0.5) / (self.unigram_total + 0.5 * alphabet)
        lower = self.prob(gram[1:], alphabet)
        ctx = gram[:-1]
        total = self.ctx_total[order - 1].get(ctx, 0)
        if total == 0:
            return lower
        count = self.counts[order].get(gram, 0)
        lam = self.discount * self.ctx_types[order - 1][ctx] / total
        return max(count - self.discount, 0.0) / total + lam * lower

    def lam(self, ctx):
        order = len(ctx)
        total = self.ctx_total[order].get(ctx, 0)
        if total == 0:
            return None
        return self.discount * self.ctx_types[order][ctx] / total


def corpus_words(lines):
    counts = defaultdict(int)
    for line in lines:
        for word, _ in lm.words_of(line):
            if word != lm.INVERTED:
                counts[word] += 1
    return counts


def build_tables(train, wordfreq, chat, settings, log=print):
    discount, min_count, word_weight, corpus_weight, word_prune, word_cap = settings
    L = len(LANGUAGES)
    counts = {code: corpus_words(train[code]) for code in LANGUAGES}
    models = {code: CharModel(counts[code], discount) for code in LANGUAGES}
    alphabet = len(set().union(*(set(m.counts[1]) for m in models.values())))
    unseen = max(math.log(0.5 / (m.unigram_total + 0.5 * alphabet)) for m in models.values())

    grams = set()
    for m in models.values():
        for order in range(1, lm.MAX_ORDER + 1):
            for gram, count in m.counts[order].items():
                if order == 1 or count >= min_count:
                    grams.add(gram)
    ngram_p, ngram_l = {}, {}
    for gram in sorted(grams):
        key = lm.fnv1a(gram.encode("utf-8"))
        pv, lv = [], []
        for code in LANGUAGES:
            m = models[code]
            count = m.counts[len(gram)].get(gram, 0)
            if len(gram) == 1 or count >= min_count:
                pv.append(lm.quantize(math.log(m.prob(gram, alphabet))) if count > 0 else lm.ABSENT)
            else:
                pv.append(lm.ABSENT)
            lam = m.lam(gram) if len(gram) < lm.MAX_ORDER else None
            lv.append(lm.quantize(math.log(lam)) if lam is not None and m.ctx_total[len(gram)][gram] >= min_count else lm.ABSENT)
        if any(v != lm.ABSENT for v in pv):
            ngram_p[key] = pv
        if any(v != lm.ABSENT for v in lv):
            ngram_l[key] = lv
    tables = lm.Tables(LANGUAGES, len(TARGETS), ngram_p, ngram_l, {}, unseen, word_cap)
    log("  n-grams stored: %d (P) %d (lambda)" % (len(ngram_p), len(ngram_l)))

    # word frequencies per language
    freq = {code: {} for code in LANGUAGES}
    for code in LANGUAGES:
        total = sum(counts[code].values())
        for word, count in counts[code].items():
            if count >= MIN_CORPUS_COUNT:
                freq[code][word] = corpus_weight * count / total
        for word, zipf in wordfreq.get(code, {}).items():
            key = single_word(word)
            if key is None:
                continue
            f = 10 ** (zipf - 9)
            freq[code][key] = max(freq[code].get(key, 0.0), f)
            if code == "fr" and key in lm.ELISIONS:
                elided = key + "'"
                freq[code][elided] = max(freq[code].get(elided, 0.0), f)
        for word, zipf in chat.get(code, {}).items():
            key = single_word(word)
            if key is None:
                raise SystemExit("chat word %r is not one word" % word)
            freq[code][key] = max(freq[code].get(key, 0.0), 10 ** (zipf - 9))
    vocabulary = sorted(set().union(*(set(freq[c]) for c in LANGUAGES)))
    words = {}
    log_w, log_c = math.log(word_weight), math.log(1.0 - word_weight)
    for word in vocabulary:
        char = tables.char_scores(word)
        scores = []
        for k, code in enumerate(LANGUAGES):
            base = log_c + char[k]
            f = freq[code].get(word)
            scores.append(base if f is None else logaddexp(log_w + math.log(f), base))
        stored = [lm.quantize_distance(-d, word_cap) for d in tables.capped(scores)]
        fallback = tables.capped(char)
        # keep the word only when the table changes its verdict noticeably
        if max(abs(lm.dequantize_distance(q, word_cap) + f) for q, f in zip(stored, fallback)) >= word_prune:
            words[lm.fnv1a(word.encode("utf-8"))] = stored
    tables.words = words
    log("  words stored: %d of %d" % (len(words), len(vocabulary)))
    return tables


def logaddexp(a, b):
    m = max(a, b)
    return m + math.log(math.exp(a - m) + math.exp(b - m))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "data", "corpora"))
    parser.add_argument("--wordfreq", default=os.path.join(ROOT, "..", "shared", "lexicon-sources", "wordfreq-small"))
    parser.add_argument("--chat-words", default=os.path.join(HERE, "chat-words.tsv"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Models", "langid", "langid.bin"))
    parser.add_argument("--tune", action="store_true", help="score a grid of settings on the dev split")
    args = parser.parse_args()

    train = {code: read_split(args.corpora, code, "train") for code in LANGUAGES}
    wordfreq = {code: read_wordfreq(args.wordfreq, code) for code in TARGETS
                if os.path.exists(os.path.join(args.wordfreq, "wordfreq_small_%s.tsv" % code))}
    chat = read_chat_words(args.chat_words) if os.path.exists(args.chat_words) else {}
    base = (DISCOUNT, MIN_COUNT, WORD_WEIGHT, CORPUS_WEIGHT, WORD_PRUNE, WORD_CAP)

    if args.tune:
        import evaluate
        dev = {code: read_split(args.corpora, code, "dev") for code in LANGUAGES}
        grid = [base, (0.5,) + base[1:], (0.9,) + base[1:], base[:1] + (3,) + base[2:],
                base[:2] + (0.3,) + base[3:], base[:2] + (0.8,) + base[3:], base[:3] + (1.0,) + base[4:],
                base[:4] + (1.0,) + base[5:], base[:5] + (8.0,), base[:5] + (20.0,)]
        for settings in grid:
            print("settings", settings)
            tables = build_tables(train, wordfreq, chat, settings)
            for guard_prior in (1.0, 0.3, 0.1):
                for threshold in (0.5, 0.7, 0.9):
                    scorer = lm.Scorer(tables, threshold, TARGETS, guard_prior)
                    summary = evaluate.summarize(scorer, dev, TARGETS, GUARDS)
                    print("  guard prior %.1f threshold %.1f  %s" % (guard_prior, threshold, summary), flush=True)
        return

    tables = build_tables(train, wordfreq, chat, base)
    size = lm.write_model(args.out, tables, THRESHOLD, GUARD_PRIOR)
    print("wrote %s (%d bytes)" % (args.out, size))


if __name__ == "__main__":
    main()
