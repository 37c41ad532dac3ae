#!/usr/bin/env python3
"""Builds Parley's shipped trade glossary, Lexicons/glossary/trade.tbx, from the CC0 term list
shared/data/parallel/glossary-terms.tsv (`fr<TAB>en<TAB>note`, one concept a line).

Usage (from the repository root):
    python3 Scripts/translation/build-glossary.py ../shared/data/parallel/glossary-terms.tsv \
        > Lexicons/glossary/trade.tbx

The output depends only on the input: same TSV, same bytes. What the TSV cannot say is added here,
in the tables below, as a linguist would annotate the terms:
  * grammatical number: plural-only nouns ("balances", "doors") and plurals whose singular is also
    a term ("loges" / "loge"), so that translations agree in number;
  * irregular or appositive French plurals ("régisseurs son", not "régisseurs sons");
  * part of speech of the non-nouns (no plural is generated for them);
  * "do not translate": rows whose note says "keep as is" and whose two sides are identical;
  * when one English term translates several French concepts ("stage manager"), the first row keeps
    it as its preferred term and the later rows mark it admitted, so EN→FR picks the first row.
A parenthesised part of a term ("coverage (of costs)") moves to the note; the term is what is outside.
"""
import re
import sys
import unicodedata
from xml.sax.saxutils import escape

# (language, term) -> grammatical number, for terms that are not singular count nouns.
NUMBER = {
    ("fr", "balances"): "plural",
    ("fr", "frais de déplacement"): "plural",
    ("fr", "musiques actuelles"): "plural",
    ("fr", "invitations"): "plural",
    ("fr", "ears"): "plural",
    ("fr", "retours"): "plural",
    ("fr", "loges"): "plural",
    ("fr", "compos"): "plural",
    ("fr", "charges sociales"): "plural",
    ("fr", "droits d'auteur"): "plural",
    ("fr", "backline"): "mass",
    ("fr", "catering"): "mass",
    ("fr", "merch"): "mass",
    ("fr", "matos"): "mass",
    ("fr", "hébergement"): "mass",
    ("fr", "billetterie"): "mass",
    ("fr", "intermittence"): "mass",
    ("fr", "dotation"): "mass",
    ("en", "expenses"): "plural",
    ("en", "travel expenses"): "plural",
    ("en", "doors"): "plural",
    ("en", "royalties"): "plural",
    ("en", "monitors"): "plural",
    ("en", "in-ear monitors"): "plural",
    ("en", "dressing rooms"): "plural",
    ("en", "originals"): "plural",
    ("en", "advance tickets"): "plural",
    ("en", "social security contributions"): "plural",
    ("en", "backline"): "mass",
    ("en", "catering"): "mass",
    ("en", "merch"): "mass",
    ("en", "gear"): "mass",
    ("en", "accommodation"): "mass",
    ("en", "prize money"): "mass",
    ("en", "coverage"): "mass",
    ("en", "door"): "mass",
    ("en", "box office"): "mass",
    ("en", "intermittent performer status"): "mass",
    ("en", "hospitality"): "mass",
}

# (language, plural term) -> its singular, written as a term of its own before the plural.
SINGULAR = {
    ("fr", "retours"): "retour",
    ("fr", "loges"): "loge",
    ("fr", "compos"): "compo",
    ("fr", "charges sociales"): "charge sociale",
    ("fr", "droits d'auteur"): "droit d'auteur",
    ("en", "monitors"): "monitor",
    ("en", "in-ear monitors"): "in-ear monitor",
    ("en", "dressing rooms"): "dressing room",
    ("en", "originals"): "original",
    ("en", "advance tickets"): "advance ticket",
    ("en", "social security contributions"): "social security contribution",
}

# (language, singular term) -> its plural, where the regular rule would get it wrong.
PLURAL = {
    ("fr", "régisseur son"): "régisseurs son",
    ("fr", "régisseur lumière"): "régisseurs lumière",
    ("fr", "régisseur plateau"): "régisseurs plateau",
    ("fr", "console lumière"): "consoles lumière",
    ("fr", "rider catering"): "riders catering",
    ("fr", "rider accueil"): "riders accueil",
    ("fr", "ingé son"): "ingés son",
    ("fr", "ingé façade"): "ingés façade",
    ("fr", "ingé retours"): "ingés retours",
    ("fr", "jour off"): "jours off",
    ("fr", "défraiement repas"): "défraiements repas",
    ("fr", "estrade batterie"): "estrades batterie",
    ("fr", "café-concert"): "cafés-concerts",
    ("fr", "côté cour"): "côtés cour",
    ("fr", "côté jardin"): "côtés jardin",
    ("en", "day off"): "days off",
}

# (language, term) -> part of speech, for the terms that are not nouns.
PART_OF_SPEECH = {
    ("fr", "faire les balances"): "verb",
    ("en", "to soundcheck"): "verb",
    ("fr", "complet"): "adjective",
    ("en", "sold out"): "adjective",
    ("fr", "plein air"): "adjective",
    ("en", "open-air"): "adjective",
    ("fr", "HT"): "adverb",
    ("en", "excluding VAT"): "adverb",
    ("fr", "TTC"): "adverb",
    ("en", "including VAT"): "adverb",
    ("fr", "sur place"): "adverb",
    ("en", "on the door"): "adverb",
}


def concept_id(french, used):
    """A readable, stable id from the French term: ASCII, lower case, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", french).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "term"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def split_parenthesis(term):
    """"coverage (of costs)" -> ("coverage", "(of costs)")."""
    match = re.fullmatch(r"(.*?)\s*(\([^()]*\))\s*", term)
    return (match.group(1), match.group(2)) if match and match.group(1) else (term, None)


def term_sec(language, text, number=None, pos=None, status=None, dnt=False, indent="        "):
    lines = [f"{indent}<termSec>", f"{indent}  <term>{escape(text)}</term>"]
    lines.append(f'{indent}  <termNote type="partOfSpeech">{pos or "noun"}</termNote>')
    if number:
        lines.append(f'{indent}  <termNote type="grammaticalNumber">{number}</termNote>')
    if status:
        lines.append(f'{indent}  <termNote type="administrativeStatus">{status}</termNote>')
    lines.append(f"{indent}</termSec>")
    return lines


def lang_sec(language, term, status, dnt):
    text, parenthesis = split_parenthesis(term)
    key = (language, text)
    pos = PART_OF_SPEECH.get(key)
    number = NUMBER.get(key)
    lines = [f'      <langSec xml:lang="{language}">']
    if key in SINGULAR:
        lines += term_sec(language, SINGULAR[key], "singular", pos, status)
    lines += term_sec(language, text, number, pos, status)
    if key in PLURAL:
        lines += term_sec(language, PLURAL[key], "plural", pos, status)
    lines.append("      </langSec>")
    return lines, parenthesis


def build(rows):
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- Generated by Scripts/translation/build-glossary.py from glossary-terms.tsv (CC0 1.0). Do not edit:",
        "     change the TSV or the script and regenerate; put your own terms in Lexicons/glossary/local/. -->",
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
        "  <tbxHeader>",
        "    <fileDesc>",
        "      <titleStmt><title>Flow Stage trade glossary (music and live events), French and English</title></titleStmt>",
        "      <sourceDesc><p>glossary-terms.tsv, written for Parley, CC0 1.0</p></sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    used_ids, seen_english = set(), set()
    for number, (french, english, note) in enumerate(rows, 1):
        dnt = "keep as is" in note and french == english
        english_text = split_parenthesis(english)[0]
        status = "admittedTerm-admn-sts" if english_text.lower() in seen_english else None
        seen_english.add(english_text.lower())
        out.append(f'    <conceptEntry id="{concept_id(french, used_ids)}">')
        if dnt:
            out.append('      <descrip type="transferComment">do not translate</descrip>')
        fr_lines, _ = lang_sec("fr", french, None, dnt)
        en_lines, parenthesis = lang_sec("en", english, status, dnt)
        full_note = " ".join(part for part in [note, f"English: {english}." if parenthesis else ""] if part)
        if full_note:
            out.append(f'      <note>{escape(full_note)}</note>')
        out += fr_lines + en_lines
        out.append("    </conceptEntry>")
    out += ["    </body>", "  </text>", "</tbx>", ""]
    return "\n".join(out)


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
                sys.exit(f"{path}:{line_number}: error: expected fr<TAB>en[<TAB>note]")
            rows.append((fields[0].strip(), fields[1].strip(), fields[2].strip() if len(fields) > 2 else ""))
    return rows


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build-glossary.py glossary-terms.tsv > trade.tbx")
    sys.stdout.write(build(read_rows(sys.argv[1])))
