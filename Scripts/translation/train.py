#!/usr/bin/env python3
"""Trains Parley's FR<->EN phrase-based translation models (Models/translation/).

    python3 Scripts/translation/train.py [--data DIR] [--out DIR] [--limit N]

Steps (numpy, one core, seeded, reproducible bit for bit):
  1. tokenize both sides (mt_tokenize.py, reproduced by the Swift runtime); hold out a split of our own
     (splits.tsv lists it) for tuning and the report;
  2. word alignment in both directions: IBM Model 1 (5 EM iterations) then a fast_align-style model with
     a diagonal prior (5 iterations); grow-diag-final symmetrization;
  3. phrase extraction (up to 5 words a side) with forward/backward phrase probabilities and lexical
     weights, pruned to the best 8 translations per source phrase (pairs seen once kept only when short);
  4. a 3-gram interpolated modified Kneser-Ney language model per target language (trigrams seen once
     pruned), in back-off form;
  5. a dictionary fallback (see dictionary_options): single-word Wiktionary translations for the source
     words the parallel data covers fewer than DICT_MIN_COUNT times, with modest fixed scores, and the
     month and weekday names of calendar.tsv with their usual phrases and English capitals;
  6. binary models fr-en.bin and en-fr.bin (see write_model) plus default decoder parameters
     fr-en.params / en-fr.params (tune.py rewrites them).
"""
import argparse
import math
import os
import struct
import sys
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mt_tokenize import tokenize  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAX_PHRASE = 5
MAX_SENT = 40
TOP_OPTIONS = 8
SEED = 9
MAGIC = b"PRLYMT02"
DICT_MIN_COUNT = 3  # source words seen fewer times than this in training get dictionary translations
DICT_MAX_OPTIONS = 3  # dictionary translations kept per source word
DICT_MAX_TARGET = 3  # units of a dictionary translation
DEFAULT_DICTIONARY = os.path.join(ROOT, "..", "shared", "lexicon-sources", "wiktionary-fr-en", "frwiktionary-20140612-fr-en.csv")
CALENDAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calendar.tsv")


# ---------------------------------------------------------------- data


def read_pairs(data_dir, limit):
    pairs = []
    for name in ("fr-en.tsv", "diabla-fr-en.tsv"):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and cols[0] and cols[1]:
                    pairs.append((name, cols[0], cols[1]))
    if limit:
        pairs = pairs[:limit]
    return pairs


def split_pairs(pairs):
    """Held-out split of our own: 1,200 pairs (or 10 % of a small sample), seeded."""
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(pairs))
    held = min(1200, len(pairs) // 10)
    heldout = set(order[:held].tolist())
    train, dev, test = [], [], []
    for i, p in enumerate(pairs):
        if i in heldout:
            (dev if len(dev) <= len(test) else test).append(p)
        else:
            train.append(p)
    return train, dev, test


def read_dictionary(path):
    """Wiktionary pairs "fr;POS;TR-FR-EN;en;POS;" as (French, English) text, in file order, deduplicated."""
    seen = set()
    out = []
    if not path:
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split(";")
            if len(cols) < 5 or cols[2] != "TR-FR-EN" or not cols[0] or not cols[3]:
                continue
            key = (cols[0].strip(), cols[3].strip())
            if key not in seen:
                seen.add(key)
                out.append(key)
    return out


def read_calendar(path=CALENDAR):
    """(French, English, phrase_only) rows of calendar.tsv."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            rows.append((cols[0], cols[1], len(cols) > 2 and cols[2] == "phrase-only"))
    return rows


def calendar_phrases(rows):
    """(French, English, add_in_en_fr) phrase pairs built from the month and weekday names."""
    out = []
    for i, (fr, en, phrase_only) in enumerate(rows):
        month = i < 12
        out.append((fr, en, not phrase_only))
        if month:
            out += [(f"en {fr}", f"in {en}", True), (f"début {fr}", f"early {en}", True), (f"fin {fr}", f"late {en}", True)]
        else:
            out += [(f"le {fr}", f"on {en}", True), (f"{fr} prochain", f"next {en}", True), (f"ce {fr}", f"this {en}", True)]
    return out


# ---------------------------------------------------------------- alignment


class Vocab:
    def __init__(self):
        self.ids = {}
        self.words = []

    def id(self, w):
        i = self.ids.get(w)
        if i is None:
            i = len(self.words)
            self.ids[w] = i
            self.words.append(w)
        return i


def align(src, tgt, vs, vt, iters1=5, iters2=5, lam=4.0, p0=0.08):
    """Viterbi alignments a[j] in 0..n (0 = null) of each target word j of tgt to src words.

    src/tgt: lists of int arrays. Model: IBM 1 then a diagonal prior exp(-lam |i/n - j/m|)."""
    null = vs  # id of the null source word
    parts = {"S": [], "T": [], "I": [], "J": [], "N": [], "M": [], "G": []}
    for s, t in zip(src, tgt):
        n, m = len(s), len(t)
        ss = np.concatenate([[null], s])
        parts["S"].append(np.tile(ss, m))
        parts["T"].append(np.repeat(t, n + 1))
        parts["I"].append(np.tile(np.arange(n + 1), m))
        parts["J"].append(np.repeat(np.arange(m), n + 1))
        parts["N"].append(np.full(m * (n + 1), n))
        parts["M"].append(np.full(m * (n + 1), m))
        parts["G"].append(np.full(m, n + 1))
    S, T, I, J = (np.concatenate(parts[k]).astype(np.int64) for k in "STIJ")
    N, M = (np.concatenate(parts[k]).astype(np.float64) for k in "NM")
    group_sizes = np.concatenate(parts["G"]).astype(np.int64)
    del parts
    starts = np.concatenate([[0], np.cumsum(group_sizes)[:-1]])
    pair_key = S * (vt + 1) + T
    uniq, pair = np.unique(pair_key, return_inverse=True)
    uniq_s = uniq // (vt + 1)
    prob = np.full(len(uniq), 1.0)
    # prior over positions
    diag = np.where(I == 0, p0, 0.0)
    nz = I > 0
    raw = np.zeros_like(N)
    raw[nz] = np.exp(-lam * np.abs((I[nz] - 0.5) / N[nz] - (J[nz] + 0.5) / M[nz]))
    raw_sum = np.add.reduceat(raw, starts)
    diag[nz] = ((1 - p0) * raw / np.repeat(raw_sum, group_sizes))[nz]
    for it in range(iters1 + iters2):
        w = prob[pair] * (diag if it >= iters1 else 1.0)
        z = np.add.reduceat(w, starts)
        post = w / np.repeat(z, group_sizes)
        counts = np.bincount(pair, weights=post, minlength=len(uniq))
        totals = np.bincount(uniq_s, weights=counts, minlength=vs + 1)
        prob = counts / totals[uniq_s]
    w = prob[pair] * diag
    # argmax within each group (first maximum on ties)
    order = np.lexsort((I, -w, np.repeat(np.arange(len(starts)), group_sizes)))
    best_i = I[order[starts]]
    out = []
    g = 0
    for t in tgt:
        m = len(t)
        out.append(best_i[g:g + m] - 1)  # -1 = null
        g += m
    return out


def grow_diag_final(n, m, f2e, e2f):
    """f2e[j]: source index aligned to target j (or -1); e2f[i]: target index aligned to source i."""
    a = set((int(f2e[j]), j) for j in range(m) if f2e[j] >= 0) & set((i, int(e2f[i])) for i in range(n) if e2f[i] >= 0)
    union = set((int(f2e[j]), j) for j in range(m) if f2e[j] >= 0) | set((i, int(e2f[i])) for i in range(n) if e2f[i] >= 0)
    neighbors = ((-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1))
    src_aligned = {i for i, _ in a}
    tgt_aligned = {j for _, j in a}
    added = True
    while added:
        added = False
        for i, j in sorted(a):
            for di, dj in neighbors:
                p = (i + di, j + dj)
                if p in union and p not in a and (p[0] not in src_aligned or p[1] not in tgt_aligned):
                    a.add(p)
                    src_aligned.add(p[0])
                    tgt_aligned.add(p[1])
                    added = True
    for p in sorted(union):
        if p not in a and (p[0] not in src_aligned or p[1] not in tgt_aligned):
            a.add(p)
            src_aligned.add(p[0])
            tgt_aligned.add(p[1])
    return sorted(a)


# ---------------------------------------------------------------- phrases


def extract(n, m, links, max_len=MAX_PHRASE):
    """Consistent phrase pairs ((i1, i2), (j1, j2)) inclusive, standard algorithm."""
    s2t = [[] for _ in range(n)]
    t2s = [[] for _ in range(m)]
    for i, j in links:
        s2t[i].append(j)
        t2s[j].append(i)
    out = []
    for i1 in range(n):
        jmin, jmax = m, -1
        for i2 in range(i1, min(n, i1 + max_len)):
            for j in s2t[i2]:
                jmin = min(jmin, j)
                jmax = max(jmax, j)
            if jmax < 0 or jmax - jmin >= max_len:
                continue
            if any(i < i1 or i > i2 for j in range(jmin, jmax + 1) for i in t2s[j]):
                continue
            j1 = jmin
            while True:
                j2 = jmax
                while True:
                    out.append((i1, i2, j1, j2))
                    j2 += 1
                    if j2 >= m or t2s[j2] or j2 - j1 >= max_len:
                        break
                j1 -= 1
                if j1 < 0 or t2s[j1] or jmax - j1 >= max_len:
                    break
    return out


def lexical_tables(src, tgt, links_all, vs, vt):
    """w(t|s) and w(s|t) from the symmetrized alignments (unaligned words against NULL)."""
    c = defaultdict(float)
    cs = defaultdict(float)
    ct = defaultdict(float)
    for s, t, links in zip(src, tgt, links_all):
        sa = set(i for i, _ in links)
        ta = set(j for _, j in links)
        for i, j in links:
            c[(s[i], t[j])] += 1
            cs[s[i]] += 1
            ct[t[j]] += 1
        for i in range(len(s)):
            if i not in sa:
                c[(s[i], -1)] += 1
                cs[s[i]] += 1
                ct[-1] += 1
        for j in range(len(t)):
            if j not in ta:
                c[(-1, t[j])] += 1
                cs[-1] += 1
                ct[t[j]] += 1
    t_given_s = {k: v / cs[k[0]] for k, v in c.items()}
    s_given_t = {k: v / ct[k[1]] for k, v in c.items()}
    return t_given_s, s_given_t


def lex_weight(sp, tp, links, table, forward):
    """Koehn's lexical weight of tp given sp (forward) or sp given tp, for one phrase alignment."""
    total = 0.0
    if forward:
        for j, tw in enumerate(tp):
            ii = [i for i, jj in links if jj == j]
            if ii:
                total += math.log(sum(table.get((sp[i], tw), 1e-7) for i in ii) / len(ii))
            else:
                total += math.log(table.get((-1, tw), 1e-7))
    else:
        for i, sw in enumerate(sp):
            jj = [j for ii, j in links if ii == i]
            if jj:
                total += math.log(sum(table.get((sw, tp[j]), 1e-7) for j in jj) / len(jj))
            else:
                total += math.log(table.get((sw, -1), 1e-7))
    return total


# ---------------------------------------------------------------- dictionary fallback


def is_word(unit):
    return not unit.startswith("<") and any(c.isalpha() for c in unit)


def dictionary_options(direction, pairs, calendar, srcv, tgtv, src_counts, tgt_counts):
    """Options to add to the phrase table of `direction`, display forms of target words, and cased aliases.

    Returns ({source phrase: [(target phrase, features)]}, {target id: display form},
    [(alias id, word id whose unigram it copies)]). Dictionary translations (modest fixed scores, best
    DICT_MAX_OPTIONS by the training frequency of their rarest unit) only for single source words seen
    fewer than DICT_MIN_COUNT times; calendar phrases always, with confident scores."""
    english_target = direction == "fr-en"
    known_targets = len(tgtv.words)
    candidates = defaultdict(list)
    raw_forms = {}
    for fr, en in pairs:
        s_text, t_text = (fr, en) if english_target else (en, fr)
        s, t = tokenize(s_text), tokenize(t_text)
        if len(s) != 1 or not is_word(s[0]) or not 1 <= len(t) <= DICT_MAX_TARGET or not all(is_word(u) for u in t):
            continue
        sid = srcv.ids.get(s[0])
        if sid is not None and src_counts[sid] >= DICT_MIN_COUNT:
            continue
        if tuple(t) not in candidates[s[0]]:
            candidates[s[0]].append(tuple(t))
        if len(t) == 1 and t_text.strip()[:1].isupper() and t_text.strip().lower() == t[0]:
            raw_forms.setdefault(t[0], t_text.strip())

    def rarity(t):
        ids = [tgtv.ids.get(u) for u in t]
        return min(tgt_counts[i] if i is not None else 0 for i in ids)

    extra = defaultdict(list)
    display = {}
    for word in sorted(candidates):
        ranked = sorted(candidates[word], key=lambda t: (-rarity(t), len(t), t))[:DICT_MAX_OPTIONS]
        sp = (srcv.id(word),)
        for rank, t in enumerate(ranked):
            tp = tuple(tgtv.id(u) for u in t)
            extra[sp].append((tp, (math.log(0.3 / (rank + 1)), math.log(0.3), math.log(0.1) * len(t), math.log(0.1), float(len(t))), "dictionary"))
            for u, i in zip(t, tp):
                if i >= known_targets and u in raw_forms:
                    display[i] = raw_forms[u]
    aliases = []
    names = {}
    for fr, en, phrase_only in calendar:
        lower = en.lower()
        if not english_target:
            continue
        if phrase_only:
            alias = tgtv.id(en)
            if alias not in [a for a, _ in aliases]:
                aliases.append((alias, tgtv.id(lower)))
            names[lower] = alias
        else:
            display[tgtv.id(lower)] = en
            if (i_plural := tgtv.ids.get(lower + "s")) is not None:
                display[i_plural] = en + "s"
    for fr, en, both_ways in calendar_phrases(calendar):
        s_text, t_text = (fr, en) if english_target else (en, fr)
        if not english_target and not both_ways:
            continue
        s, t = tokenize(s_text), tokenize(t_text)
        sp = tuple(srcv.id(u) for u in s)
        tp = tuple(names[u] if u in names else tgtv.id(u) for u in t)
        extra[sp].append((tp, (0.0, 0.0, math.log(0.5), math.log(0.5), float(len(t))), "calendar"))
    return extra, display, aliases, {srcv.ids[fr]: names[en.lower()] for fr, en, _ in calendar if en.lower() in names and fr in srcv.ids}


def use_aliases(table, aliases, names):
    """In options whose source phrase holds a name ("mai"), the common word ("may") becomes the name ("May")."""
    common = dict(aliases)
    for sp in table:
        wanted = {names[w] for w in sp if w in names}
        if not wanted:
            continue
        renamed = [(tuple(next((a for a in wanted if common[a] == u), u) for u in tp), f) for tp, f in table[sp]]
        kept, seen = [], set()
        for tp, f in renamed:
            if tp not in seen:
                seen.add(tp)
                kept.append((tp, f))
        table[sp] = kept


def merge_options(table, extra, options_searched=4):
    """Adds the extra options to the table (a dictionary pair the data already has keeps its learned
    scores, a calendar pair takes its confident ones); a dictionary option is kept among the first
    `options_searched` options the decoder reads."""
    for sp in sorted(extra):
        calendar = {tp for tp, _, origin in extra[sp] if origin == "calendar"}
        if calendar and sp in table:
            table[sp] = [o for o in table[sp] if o[0] not in calendar]
        have = {tp for tp, _ in table.get(sp, [])}
        added = [(tp, f) for tp, f, _ in extra[sp] if tp not in have]
        if not added:
            continue
        merged = sorted(table.get(sp, []) + added, key=lambda o: (-(o[1][0] + 0.3 * o[1][1] + 0.3 * o[1][2]), o[0]))
        merged = merged[:TOP_OPTIONS]
        new = {tp for tp, _ in added}
        if not any(tp in new for tp, _ in merged[:options_searched]):
            first = next((o for o in sorted(table.get(sp, []) + added, key=lambda o: (-(o[1][0] + 0.3 * o[1][1] + 0.3 * o[1][2]), o[0])) if o[0] in new))
            merged = [o for o in merged if o[0] != first[0]]
            merged.insert(min(len(merged), options_searched - 1), first)
            merged = merged[:TOP_OPTIONS]
        table[sp] = merged


# ---------------------------------------------------------------- language model


def kneser_ney(sentences, bos, eos, order=3):
    """Interpolated modified Kneser-Ney in back-off form: {ngram tuple: (log10 p, log10 backoff)}."""
    counts = [defaultdict(int) for _ in range(order + 1)]
    for s in sentences:
        w = [bos] * (order - 1) + list(s) + [eos]
        for k in range(order - 1, len(w)):
            counts[order][tuple(w[k - order + 1:k + 1])] += 1
    # lower orders use continuation counts (number of distinct left contexts)
    for o in range(order - 1, 0, -1):
        for g in counts[o + 1]:
            counts[o][g[1:]] += 1
    # n-grams that start with <s> have no left context: they keep their real counts
    starts = defaultdict(int)
    for s in sentences:
        w = [bos] * (order - 1) + list(s) + [eos]
        for o in range(2, order):
            for k in range(order - 1, len(w)):
                g = tuple(w[k - o + 1:k + 1])
                if g[0] == bos and g[1] != bos:
                    starts[g] += 1
    for g, c in starts.items():
        counts[len(g)][g] = c
    # pruning: highest-order singletons dropped (their mass goes to back-off)
    discounts = []
    for o in range(order + 1):
        if o == 0:
            discounts.append((0, 0, 0))
            continue
        n = [0] * 5
        for v in counts[o].values():
            if v <= 4:
                n[v] += 1
        y = n[1] / (n[1] + 2 * n[2]) if n[1] + n[2] else 0.5
        d1 = 1 - 2 * y * n[2] / n[1] if n[1] else 0.5
        d2 = 2 - 3 * y * n[3] / n[2] if n[2] else 1.0
        d3 = 3 - 4 * y * n[4] / n[3] if n[3] else 1.5
        discounts.append(tuple(max(0.05, min(d, k)) for d, k in ((d1, 1), (d2, 2), (d3, 3))))

    def disc(o, c):
        d = discounts[o]
        return 0.0 if c == 0 else d[min(c, 3) - 1]

    # context statistics
    ctx_total = [defaultdict(int) for _ in range(order + 1)]
    ctx_n = [defaultdict(lambda: [0, 0, 0]) for _ in range(order + 1)]
    for o in range(1, order + 1):
        for g, c in counts[o].items():
            h = g[:-1]
            ctx_total[o][h] += c
            ctx_n[o][h][min(c, 3) - 1] += 1
    vocab = [g[0] for g in counts[1]]
    probs = {}
    backoff = {}
    # unigrams: interpolate with uniform
    total1 = ctx_total[1][()]
    n1 = ctx_n[1][()]
    gamma1 = sum(discounts[1][k] * n1[k] for k in range(3)) / total1
    V = len(vocab)
    for g, c in counts[1].items():
        probs[g] = (c - disc(1, c)) / total1 + gamma1 / V
    probs[(bos,)] = 0.0
    for o in range(2, order + 1):
        for h, tot in ctx_total[o].items():
            nn = ctx_n[o][h]
            backoff[h] = sum(discounts[o][k] * nn[k] for k in range(3)) / tot
        for g, c in counts[o].items():
            if o == order and c < 2 and o > 2:
                continue
            h = g[:-1]
            lower = lm_prob(probs, backoff, g[1:])
            probs[g] = (c - disc(o, c)) / ctx_total[o][h] + backoff[h] * lower
    return {g: (math.log10(p) if p > 0 else -99.0, math.log10(backoff[g]) if g in backoff and backoff[g] > 0 else 0.0) for g, p in probs.items()}


def lm_prob(probs, backoff, g):
    if g in probs:
        return probs[g]
    if len(g) == 1:
        return 1e-7
    return backoff.get(g[:-1], 1.0) * lm_prob(probs, backoff, g[1:])


# ---------------------------------------------------------------- writing


def pack_strings(words):
    data = bytearray()
    offsets = [0]
    for w in words:
        data += w.encode("utf-8")
        offsets.append(len(data))
    return offsets, bytes(data)


def write_model(path, src_words, tgt_words, table, lm, bos, eos, unk):
    """Binary layout (little endian):
    magic "PRLYMT02", u32 section count (6), then sections, each u32 byte length + payload:
      1 source vocabulary: u32 count, u32 offsets[count+1], UTF-8 bytes
      2 target vocabulary: same
      3 source phrases: u32 count, u32 word offsets[count+1], words[] (phrases sorted by word ids)
      4 option ranges: u32 first option[count+1]
      5 options: u32 count, u32 target word offsets[count+1], target words[], f32 features[count*4]
         (log p(t|s), log p(s|t), lex(t|s), lex(s|t); the target length is its word count)
    Word ids are u16 when their vocabulary has at most 65,536 words, else u32 (PRLYMT01 stored them
    all as u32 and the length as a fifth feature: 2 to 4 MB more a direction, over 20 MB).
      6 language model: u32 count, u64 keys[count] (sorted; ids+1 in 20-bit fields, oldest word
         highest), f32 log10 prob[count], f32 log10 backoff[count]; u32 bos, eos, unk ids
    and a final u32 checksum of everything before it (see checksum).
    """
    sections = []
    for words in (src_words, tgt_words):
        off, data = pack_strings(words)
        sections.append(struct.pack("<I", len(words)) + np.array(off, dtype="<u4").tobytes() + data)
    phrases = sorted(table)
    p_off = [0]
    p_words = []
    o_first = [0]
    o_off = [0]
    o_words = []
    feats = []
    for sp in phrases:
        p_words.extend(sp)
        p_off.append(len(p_words))
        for tp, f in table[sp]:
            o_words.extend(tp)
            o_off.append(len(o_words))
            assert f[4] == len(tp), "the fifth feature is the target length"
            feats.extend(f[:4])
        o_first.append(len(o_off) - 1)
    sections.append(struct.pack("<I", len(phrases)) + np.array(p_off, dtype="<u4").tobytes() + word_ids(p_words, len(src_words)))
    sections.append(np.array(o_first, dtype="<u4").tobytes())
    sections.append(struct.pack("<I", len(o_off) - 1) + np.array(o_off, dtype="<u4").tobytes() + word_ids(o_words, len(tgt_words))
                    + np.array(feats, dtype="<f4").tobytes())
    keys = sorted(lm)
    karr = np.array([lm_key(k) for k in keys], dtype="<u8")
    order = np.argsort(karr, kind="stable")
    karr = karr[order]
    lp = np.array([lm[keys[i]][0] for i in order], dtype="<f4")
    bo = np.array([lm[keys[i]][1] for i in order], dtype="<f4")
    sections.append(struct.pack("<I", len(karr)) + karr.tobytes() + lp.tobytes() + bo.tobytes() + struct.pack("<III", bos, eos, unk))
    body = bytearray(MAGIC + struct.pack("<I", len(sections)))
    for s in sections:
        body += struct.pack("<I", len(s)) + s
    with open(path, "wb") as out:
        out.write(bytes(body) + struct.pack("<I", checksum(bytes(body))))


def word_ids(ids, vocabulary_size):
    """Word ids as u16 when the vocabulary allows it, else u32 (the reader decides the same way)."""
    return np.array(ids, dtype="<u2" if vocabulary_size <= 65536 else "<u4").tobytes()


def checksum(data):
    """Sum of the little-endian u32 words (zero-padded) each xor-ed with index * 2654435761, mod 2^32."""
    padded = data + b"\0" * (-len(data) % 4)
    words = np.frombuffer(padded, dtype="<u4").astype(np.uint64)
    index = (np.arange(len(words), dtype=np.uint64) * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)
    return int(np.bitwise_xor(words, index).sum() & np.uint64(0xFFFFFFFF))


def lm_key(g):
    k = 0
    for w in g:
        k = (k << 20) | (w + 1)
    return k


DEFAULT_PARAMS = """# Decoder parameters for {pair} (written by Scripts/translation/train.py; tune.py rewrites them).
# feature weights of the log-linear model
weight.tm.forward 1.0
weight.tm.backward 0.3
weight.tm.lex-forward 0.3
weight.tm.lex-backward 0.2
weight.lm 0.7
weight.word-penalty -0.3
weight.distortion -0.3
weight.unknown -5.0
# search: beam 6 and 4 options per phrase keep chat messages above 2,000 sentences/s per core
search.beam 6
search.distortion-limit 4
search.options 4
# confidence: logistic model over per-message features
confidence.bias 0.0
confidence.score-per-word 1.0
confidence.unknown-ratio -3.0
confidence.glossary-ratio 1.0
confidence.length-ratio 0.0
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "parallel"))
    ap.add_argument("--out", default=os.path.join(ROOT, "Models", "translation"))
    ap.add_argument("--limit", type=int, default=0, help="use only the first N pairs (tests)")
    ap.add_argument("--dictionary", default=DEFAULT_DICTIONARY, help="Wiktionary fr;POS;TR-FR-EN;en;POS; file ('' for none)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    pairs = read_pairs(args.data, args.limit)
    train, dev, test = split_pairs(pairs)
    with open(os.path.join(args.out, "splits.tsv"), "w", encoding="utf-8") as f:
        f.write("# held-out pairs of our own (not trained on): split<TAB>file<TAB>fr<TAB>en\n")
        for name, rows in (("dev", dev), ("test", test)):
            for src_file, fr, en in rows:
                f.write(f"{name}\t{src_file}\t{fr}\t{en}\n")
    log(f"{len(train)} training pairs, {len(dev)} dev, {len(test)} test")

    vf, ve = Vocab(), Vocab()
    FR, EN = [], []
    for _, fr, en in train:
        a, b = tokenize(fr), tokenize(en)
        if not a or not b or len(a) > MAX_SENT or len(b) > MAX_SENT:
            continue
        FR.append(np.array([vf.id(w) for w in a], dtype=np.int64))
        EN.append(np.array([ve.id(w) for w in b], dtype=np.int64))
    log(f"{len(FR)} pairs tokenized; vocabularies fr {len(vf.words)} en {len(ve.words)}")

    e_from_f = align(FR, EN, len(vf.words), len(ve.words))  # for each en word, its fr word
    f_from_e = align(EN, FR, len(ve.words), len(vf.words))
    log("aligned both directions")
    links_all = []
    for f, e, a1, a2 in zip(FR, EN, e_from_f, f_from_e):
        links_all.append(grow_diag_final(len(f), len(e), a1, a2))
    log("symmetrized")
    e_given_f, f_given_e = lexical_tables(FR, EN, links_all, len(vf.words), len(ve.words))

    pair_count = defaultdict(int)
    pair_links = {}
    for f, e, links in zip(FR, EN, links_all):
        fl = f.tolist()
        el = e.tolist()
        for i1, i2, j1, j2 in extract(len(fl), len(el), links):
            key = (tuple(fl[i1:i2 + 1]), tuple(el[j1:j2 + 1]))
            pair_count[key] += 1
            if key not in pair_links:
                pair_links[key] = tuple((i - i1, j - j1) for i, j in links if i1 <= i <= i2 and j1 <= j <= j2)
    log(f"{len(pair_count)} distinct phrase pairs")
    f_total = defaultdict(int)
    e_total = defaultdict(int)
    for (fp, ep), c in pair_count.items():
        f_total[fp] += c
        e_total[ep] += c

    def build(direction):
        table = defaultdict(list)
        for (fp, ep), c in pair_count.items():
            links = pair_links[(fp, ep)]
            # p(e|f), p(f|e) and the lexical weights both ways; each direction reads them its way round
            en_side = (c / f_total[fp], lex_weight(fp, ep, links, e_given_f, True))
            fr_side = (c / e_total[ep], lex_weight(fp, ep, links, f_given_e, False))
            (p_ts, lex_ts), (p_st, lex_st) = (en_side, fr_side) if direction == "fr-en" else (fr_side, en_side)
            sp, tp = (fp, ep) if direction == "fr-en" else (ep, fp)
            if c == 1 and len(sp) + len(tp) > 4:
                continue
            table[sp].append((tp, (math.log(p_ts), math.log(p_st), lex_ts, lex_st, float(len(tp)))))
        for sp in table:
            table[sp].sort(key=lambda o: (-(o[1][0] + 0.3 * o[1][1] + 0.3 * o[1][2]), o[0]))
            del table[sp][TOP_OPTIONS:]
        return table

    dictionary = read_dictionary(args.dictionary)
    calendar = read_calendar()
    fr_counts = np.bincount(np.concatenate(FR), minlength=len(vf.words)).tolist()
    en_counts = np.bincount(np.concatenate(EN), minlength=len(ve.words)).tolist()
    for direction, srcv, tgtv, tgt_sents, src_counts, tgt_counts in (("fr-en", vf, ve, EN, fr_counts, en_counts), ("en-fr", ve, vf, FR, en_counts, fr_counts)):
        table = build(direction)
        known = len(table)
        extra, display, aliases, names = dictionary_options(direction, dictionary, calendar, srcv, tgtv, defaultdict(int, enumerate(src_counts)), defaultdict(int, enumerate(tgt_counts)))
        use_aliases(table, aliases, names)
        merge_options(table, extra)
        tv = Vocab()
        tv.words = list(tgtv.words)
        tv.ids = dict(tgtv.ids)
        bos, eos, unk = tv.id("<s>"), tv.id("</s>"), tv.id("<unk>")
        lm = kneser_ney([s.tolist() for s in tgt_sents], bos, eos)
        for alias, word in aliases:
            lm[(alias,)] = (lm[(word,)][0] if (word,) in lm else -5.0, 0.0)
        for i, form in sorted(display.items()):
            tv.words[i] = form
        log(f"{direction}: {len(table)} source phrases ({len(table) - known} from the dictionary), {sum(len(v) for v in table.values())} options, {len(lm)} n-grams")
        write_model(os.path.join(args.out, f"{direction}.bin"), srcv.words, tv.words, table, lm, bos, eos, unk)
        params = os.path.join(args.out, f"{direction}.params")
        with open(params, "w", encoding="utf-8") as f:
            f.write(DEFAULT_PARAMS.format(pair=direction))
    log("done")


def log(msg):
    print(f"train.py: {msg}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
