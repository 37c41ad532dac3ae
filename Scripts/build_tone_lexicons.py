#!/usr/bin/env python3
"""Builds Parley's sentiment lexicons for ParleyTone, reproducibly (same inputs -> same bytes).

Outputs
  Lexicons/en/sentiment.map   English words and phrases -> valence (-4..4, VADER's scale)
  Lexicons/fr/sentiment.map   French words and phrases  -> valence
  Lexicons/tone/emoji.map     emoji and text emoticons  -> valence

Inputs
  ../shared/lexicon-sources/vader/vader_lexicon.txt        (MIT, C.J. Hutto)  English words and emoticons
  ../shared/lexicon-sources/vader/emoji_utf8_lexicon.txt   (MIT, C.J. Hutto)  emoji -> English description
  ../shared/lexicon-sources/pattern-fr-sentiment/fr-sentiment.xml (PDDL / BSD-3, De Smedt & Daelemans)
  Scripts/tone/curation-en.txt, curation-fr.txt, curation-emoji.txt  (written for Parley, CC0):
      hand-curated entries for short chat and the music trade; they override the sources.
      A valence of 0 keeps the entry (so the other language's lexicon is not consulted for it)
      but gives it no polarity: "cachet", "annulation", "festival", "sold out" are trade words.

Usage
  python3 Scripts/build_tone_lexicons.py [--sources DIR] [--out DIR]
  (defaults: --sources ../shared/lexicon-sources relative to the repository, --out Lexicons)
"""
import argparse
import os
import unicodedata
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Pattern's polarity is in [-1, 1]; VADER's valence in [-4, 4]. Pattern's strongest adjectives
# ("abominable" -0.9) should land near VADER's strongest words ("horrible" -2.5, "awful" -2.0):
# a factor of 3 puts them at -2.7.
PATTERN_SCALE = 3.0
# Pattern entries closer to 0 than this carry no usable polarity: checked against the most frequent
# words of French text, the weak ones are mostly function or topic words given a stray polarity
# ("sur" 0.2 from "sûr", "plus" 0.15, "équipe" -0.1, "fin" -0.1, "tous" 0.22).
PATTERN_MIN_POLARITY = 0.3
# Pattern entries inferred rather than hand-tagged are trusted less.
PATTERN_MIN_CONFIDENCE = 0.7
# Emoji valence = sum of its description's VADER word valences, clipped to this bound.
EMOJI_BOUND = 3.0

WORD = re.compile(r"^[a-zà-ÿœæ][a-zà-ÿœæ'\-]*$")


def read_curation(path):
    """`entry<TAB>valence` lines, '#' comments. Returns an ordered dict entry -> valence."""
    result = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 2:
                sys.exit(f"{path}:{number}:1: error: expected 'entry<TAB>valence'")
            entry, value = fields[0].strip().lower(), fields[1].strip()
            try:
                valence = float(value)
            except ValueError:
                sys.exit(f"{path}:{number}:{len(fields[0]) + 2}: error: valence '{value}' is not a number")
            if not -4.0 <= valence <= 4.0:
                sys.exit(f"{path}:{number}:{len(fields[0]) + 2}: error: valence {valence} outside -4..4")
            result[entry] = valence
    return result


def read_vader(path):
    words, emoticons = {}, {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                continue
            token, valence = fields[0], float(fields[1])
            if WORD.match(token) and len(token) > 1:  # single letters ("l" 2.0) are noise in chat
                words.setdefault(token, valence)
            elif not token.startswith("#") and " " not in token and not token[:1].isalpha():
                emoticons.setdefault(token, valence)
    return words, emoticons


def read_pattern(path):
    sums = {}
    for node in ET.parse(path).getroot().iter("word"):
        form = node.get("form", "").lower()
        if not WORD.match(form) or " " in form:
            continue
        polarity = float(node.get("polarity", "0"))
        confidence = float(node.get("confidence", "0"))
        if confidence < PATTERN_MIN_CONFIDENCE:
            continue
        sums.setdefault(form, []).append(polarity)
    result = {}
    for form, values in sums.items():
        polarity = sum(values) / len(values)
        if abs(polarity) >= PATTERN_MIN_POLARITY:
            result[form] = round(polarity * PATTERN_SCALE, 2)
    return result


def read_emoji(path, words):
    result = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 2:
                continue
            emoji, description = fields
            total = sum(words.get(w, 0.0) for w in re.findall(r"[a-z']+", description.lower()))
            if total != 0.0:
                result[emoji] = round(max(-EMOJI_BOUND, min(EMOJI_BOUND, total)), 2)
    return result


def fold_key(entry):
    """Approximates Parley's folding (case, accents, U+FE0F) to keep one entry per matching form."""
    decomposed = unicodedata.normalize("NFD", entry.lower().replace("\ufe0f", ""))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip("'")
    folded = re.sub(r"(.)\1\1+", r"\1", folded)  # letters stretched 3+ times are squeezed
    if re.fullmatch(r"(\w-)+\w", folded):  # hyphenated single letters are joined
        folded = folded.replace("-", "")
    return folded


def merge(sources, curation, drop=()):
    """Source entries, first of each folded form, then curated entries replacing any with the same form."""
    merged = {}
    for entry, valence in sources.items():
        key = fold_key(entry)
        if key not in merged and key not in drop:
            merged[key] = (entry, valence)
    for entry, valence in curation.items():
        merged[fold_key(entry)] = (entry, valence)
    return {entry: valence for entry, valence in merged.values()}


def read_emoticons(path):
    """The emoticons the segmenter reads as emoticon tokens: as words they would fold to nothing."""
    result = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip() if not line.startswith("#") else ""
            if line:
                result.add(fold_key(line))
    return result


def write_map(path, header, entries):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for line in header:
            handle.write(f"# {line}\n" if line else "#\n")
        for entry in sorted(entries):
            handle.write(f"{entry}\t{entries[entry]:g}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", default=os.path.join(os.path.dirname(ROOT), "shared", "lexicon-sources"))
    parser.add_argument("--curation", default=os.path.join(HERE, "tone"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Lexicons"))
    args = parser.parse_args()

    vader_words, vader_emoticons = read_vader(os.path.join(args.sources, "vader", "vader_lexicon.txt"))
    pattern = read_pattern(os.path.join(args.sources, "pattern-fr-sentiment", "fr-sentiment.xml"))
    emoji = read_emoji(os.path.join(args.sources, "vader", "emoji_utf8_lexicon.txt"), vader_words)

    common = [
        "Format: one entry per line, the word or phrase then its valence (-4 very negative .. +4 very",
        "positive; 0 = a known word with no polarity). Entries are folded like messages at load time.",
        "GENERATED by Scripts/build_tone_lexicons.py: do not edit here, edit Scripts/tone/curation-*.txt",
        "and re-run the script (see Lexicons/SOURCES.md, section ParleyTone).",
    ]
    emoticons = read_emoticons(os.path.join(args.out, "text", "emoticons.map"))
    english = merge(vader_words, read_curation(os.path.join(args.curation, "curation-en.txt")), drop=emoticons)
    os.makedirs(os.path.join(args.out, "en"), exist_ok=True)
    write_map(os.path.join(args.out, "en", "sentiment.map"),
              ["English sentiment lexicon for ParleyTone: VADER (MIT, C.J. Hutto) + Parley curation (CC0)."] + common,
              english)

    french = merge(pattern, read_curation(os.path.join(args.curation, "curation-fr.txt")), drop=emoticons)
    os.makedirs(os.path.join(args.out, "fr"), exist_ok=True)
    write_map(os.path.join(args.out, "fr", "sentiment.map"),
              ["French sentiment lexicon for ParleyTone: Pattern fr-sentiment adjectives (PDDL/BSD-3,",
               f"De Smedt & Daelemans) scaled x{PATTERN_SCALE:g} + Parley curation (CC0)."] + common,
              french)

    symbols = merge({**vader_emoticons, **emoji}, read_curation(os.path.join(args.curation, "curation-emoji.txt")))
    os.makedirs(os.path.join(args.out, "tone"), exist_ok=True)
    write_map(os.path.join(args.out, "tone", "emoji.map"),
              ["Emoji and emoticon valences for ParleyTone: VADER emoticons and emoji descriptions scored with",
               "the VADER lexicon (MIT, C.J. Hutto) + Parley curation (CC0). Only emoticons the segmenter",
               "recognises (Lexicons/text/emoticons.map) can match."] + common,
              symbols)


if __name__ == "__main__":
    main()
