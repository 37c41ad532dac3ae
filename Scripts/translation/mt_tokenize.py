"""Parley's translation tokenizer, shared by the training and tuning scripts.

The Swift runtime (Sources/ParleyTranslation/Engine/TranslationTokenizer.swift) builds the same
units from the segmenter's typed tokens; `TranslationTokenizerTests.agreesWithThePythonTokenizer`
checks both on Tests/ParleyTranslationTests/Fixtures/tokenizer-sample.tsv (written by
`python3 Scripts/translation/mt_tokenize.py --sample`).

Units: lower-cased words; French elisions split off (l' j' d' qu' n' s' c' m' t' jusqu' lorsqu'
puisqu'); English clitics split off (n't 's 'm 're 've 'll 'd); French pronouns after a hyphen split off
(avez-vous → avez -vous, dispose-t-elle → dispose -t-elle); one unit per punctuation mark
("..." and "…" are one unit "..."); typographic quotes and apostrophes folded (« » “ ” → ", ’ → ');
pass-through classes replaced by placeholders: <url> <email> <mention> <tag> <amount> <num> <emoji>.
"""
import re
import sys
import unicodedata

PLACEHOLDERS = ("<url>", "<email>", "<mention>", "<tag>", "<amount>", "<num>", "<emoji>")

_CURRENCY = r"(?:€|\$|£|euros?\b|eur\b|EUR\b|dollars?\b|balles\b)"
_NUM = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_TAX = r"(?:[ \u00a0\u202f]?(?:HT|TTC)\b)?"
_EMOJI = (
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]"
    "[\uFE0F\u200D\U0001F3FB-\U0001F3FF\U0001F000-\U0001FAFF\u2600-\u27BF]*"
)
_EMOTICON = r"(?:[:;=][-']?[)(DPp/\\|*]|<3|\^\^|\bxD\b)"

_MASTER = re.compile(
    "|".join(
        [
            r"(?P<url>(?:https?://|www\.)[^\s<>\"]+)",
            r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
            r"(?P<mention>@\w+)",
            r"(?P<tag>#\w+)",
            rf"(?P<amount>(?:[$€£][ \u00a0\u202f]?(?:{_NUM})k?|(?:{_NUM})k?[ \u00a0\u202f]?{_CURRENCY}){_TAX})",
            r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d[\w]*(?:[.,:]\d+)*)",
            rf"(?P<emoji>{_EMOJI}|{_EMOTICON})",
            r"(?P<word>[^\W\d_](?:[\w'-]*\w)?)",
            r"(?P<punct>\.\.\.|…|[^\w\s])",
        ]
    )
)

_ELISION = re.compile(r"^(jusqu|lorsqu|puisqu|qu|l|j|d|n|s|c|m|t)'(?=\w)")
_CLITIC = re.compile(r"^(\w[\w-]*?)(n't|'s|'m|'re|'ve|'ll|'d)$")
# French pronouns joined by a hyphen after a verb (avez-vous, dispose-t-elle, donne-le-moi): split off.
PRONOUNS = ("je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "moi", "toi", "le", "la", "les",
            "lui", "leur", "y", "en", "ce")
_INVERSION = re.compile(r"^(.*?\w)(-(?:t-)?(?:" + "|".join(PRONOUNS) + r"))$")
_QUOTES = {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "…": "..."}


def normalize(text):
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2018", "'")


def tokenize(text):
    """Translation units of one sentence (a list of str)."""
    units = []
    for m in _MASTER.finditer(normalize(text)):
        kind = m.lastgroup
        piece = m.group()
        if kind == "word":
            piece = piece.lower()
            e = _ELISION.match(piece)
            if e:
                units.append(e.group(1) + "'")
                piece = piece[e.end():]
            c = _CLITIC.match(piece)
            if c and len(c.group(1)) > 0:
                units.append(c.group(1))
                units.append(c.group(2))
            else:
                suffixes = []
                while True:
                    i = _INVERSION.match(piece)
                    if not i:
                        break
                    piece = i.group(1)
                    suffixes.insert(0, i.group(2))
                units.append(piece)
                units.extend(suffixes)
        elif kind == "punct":
            units.append(_QUOTES.get(piece, piece))
        else:
            units.append("<" + kind + ">")
    return units


def _write_sample(path):
    """The agreement fixture: every chat-dev line and a fixed slice of the other corpora."""
    import os

    data = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "parallel")
    lines = []
    for name, step in (("chat-dev.tsv", 1), ("diabla-fr-en.tsv", 40), ("fr-en.tsv", 800)):
        with open(os.path.join(data, name), encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % step == 0:
                    lines.extend(line.rstrip("\n").split("\t")[:2])
    with open(path, "w", encoding="utf-8") as out:
        out.write("# sentence<TAB>units joined by one space; written by Scripts/translation/mt_tokenize.py --sample\n")
        for s in lines:
            out.write(s + "\t" + " ".join(tokenize(s)) + "\n")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--sample":
        _write_sample(sys.argv[2] if len(sys.argv) > 2 else "Tests/ParleyTranslationTests/Fixtures/tokenizer-sample.tsv")
    else:
        for line in sys.stdin:
            print(" ".join(tokenize(line.rstrip("\n"))))
