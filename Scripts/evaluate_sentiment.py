#!/usr/bin/env python3
"""Macro F1 of `parley sentiment` on a labelled TSV (label<TAB>lang<TAB>text), per language.

Usage: python3 Scripts/evaluate_sentiment.py [--parley PATH] [--no-language] [FILE]
  FILE defaults to Tests/ParleyToneTests/Fixtures/sentiment-chat.tsv; PATH to .build/release/parley
  (then .build/debug/parley). The language column is passed as --language unless --no-language,
  which makes parley guess it from the words.
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = ["pos", "neu", "neg"]


def macro_f1(gold, predicted):
    scores = []
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores), scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", default=os.path.join(ROOT, "Tests/ParleyToneTests/Fixtures/sentiment-chat.tsv"))
    parser.add_argument("--parley")
    parser.add_argument("--no-language", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print the misclassified lines")
    parser.add_argument("--threshold", type=float,
                        help="label from the compound score with this threshold instead of parley's own labels")
    args = parser.parse_args()
    parley = args.parley
    if parley is None:
        for candidate in (".build/release/parley", ".build/debug/parley"):
            if os.path.exists(os.path.join(ROOT, candidate)):
                parley = os.path.join(ROOT, candidate)
                break
    if parley is None:
        sys.exit("no parley binary: run `swift build --product parley` or pass --parley")

    rows = []
    with open(args.file, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3:
                rows.append(fields)
    env = dict(os.environ, PARLEY_LEXICONS=os.environ.get("PARLEY_LEXICONS", os.path.join(ROOT, "Lexicons")))
    for language in sorted({row[1] for row in rows}):
        subset = [row for row in rows if row[1] == language]
        command = [parley, "sentiment", "--scores"] + ([] if args.no_language else ["--language", language])
        lines = subprocess.run(command, input="".join(row[2] + "\n" for row in subset), capture_output=True,
                               text=True, env=env, check=True).stdout.split("\n")[:len(subset)]
        output = []
        for line in lines:
            label, score = line.split("\t")
            if args.threshold is not None:
                value = float(score)
                label = "pos" if value >= args.threshold else "neg" if value <= -args.threshold else "neu"
            output.append(label)
        gold = [row[0] for row in subset]
        macro, per_label = macro_f1(gold, output)
        accuracy = sum(1 for g, p in zip(gold, output) if g == p) / len(gold)
        detail = " ".join(f"{label} {score:.3f}" for label, score in zip(LABELS, per_label))
        print(f"{language}: n={len(subset)} macro-F1 {macro:.3f} accuracy {accuracy:.3f} (F1 {detail})")
        if args.errors:
            for row, predicted in zip(subset, output):
                if row[0] != predicted:
                    print(f"  gold {row[0]} got {predicted}: {row[2]}")


if __name__ == "__main__":
    main()
