"""Held-out evaluation sets and scoring for the language-ID model (used by train.py --tune and
report.py)."""

import random
import re

import langid_model as lm

BUCKETS = ("single words", "word pairs", "sentences")
RAW_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
SEED = 20261126
PER_BUCKET = 1000
MIN_SENTENCE_WORDS = 4   # lines of the treebanks that are dates, signatures or "--" are not sentences
ADDRESS_MARKS = ("://", "www.", "@")  # nor are lines holding a URL or an e-mail address


def buckets(lines, code):
    """Deterministic items per length bucket from held-out lines: one word and two consecutive
    words drawn from each line, and the lines of at least MIN_SENTENCE_WORDS words without a URL or
    e-mail address (as written, capitals kept)."""
    rng = random.Random("%d-%s" % (SEED, code))
    singles, pairs, sentences = [], [], []
    for line in lines:
        words = RAW_WORD.findall(line)
        if not words:
            continue
        if len(words) >= MIN_SENTENCE_WORDS and not any(mark in line for mark in ADDRESS_MARKS):
            sentences.append(line)
        singles.append(rng.choice(words))
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            pairs.append(words[i] + " " + words[i + 1])
    return {"single words": singles[:PER_BUCKET], "word pairs": pairs[:PER_BUCKET], "sentences": sentences[:PER_BUCKET]}


def accuracy(predict, items, gold):
    """(right, und, wrong) counts."""
    right = und = wrong = 0
    for text in items:
        answer = predict(text)
        if answer == gold:
            right += 1
        elif answer == "und":
            und += 1
        else:
            wrong += 1
    return right, und, wrong


def summarize(scorer, data, targets, guards):
    predict = lambda text: scorer.classify(text)[0]  # noqa: E731
    parts = []
    for bucket in BUCKETS:
        acc, err = [], []
        for code in targets:
            items = buckets(data[code], code)[bucket]
            right, und, wrong = accuracy(predict, items, code)
            acc.append(right / max(1, len(items)))
            err.append(wrong / max(1, len(items)))
        parts.append("%s %.1f%% (wrong %.1f%%)" % (bucket.split()[0], 100 * sum(acc) / len(acc), 100 * sum(err) / len(err)))
    forced = []
    for code in guards:
        items = buckets(data[code], code)["sentences"]
        right, und, wrong = accuracy(predict, items, "und")
        forced.append(wrong / max(1, len(items)))
    parts.append("guards forced %.1f%%" % (100 * sum(forced) / len(forced)))
    return " | ".join(parts)
