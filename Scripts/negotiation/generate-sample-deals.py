#!/usr/bin/env python3
"""Generate Parley's SAMPLE deals file: synthetic booking deals with a plausible French market shape.

This is NOT market data. It exists so that ParleyNegotiation's market guidance can be built, tested
and demonstrated before the platform exports its own deals; the engine reads the real file from a
configurable path (`--deals`, `PARLEY_DEALS`) with the same columns.

How rows are made (every effect below is what ParleyNegotiation must rediscover by measuring):
  * genre: drawn from genre weights; each genre has a base fee for a 300-seat room on a weekday.
  * venue type and capacity: bar 30-120, club 80-500, salle 200-1500, theatre 300-1200,
    festival 800-12000, prive 40-300 (log-uniform).
  * fee = base × (capacity / 300) ^ 0.42 × region factor × 1.18 on Friday/Saturday nights
          × 1.22 at festivals × 1.08 in June-August × log-normal noise (sigma 0.28), rounded to 50 €.
  * outcome: the further the asked fee is above the going rate, the likelier a decline.

Standard library only (random.Random with a fixed seed): the output is identical bit for bit on any
Python 3.

Usage: generate-sample-deals.py [--rows N] [--seed S] [--output PATH]
"""

import argparse
import math
import random
import sys

GENRES = [  # genre, weight, base fee (EUR, before tax) for 300 seats on a weekday
    ("jazz", 14, 1400), ("blues", 4, 1100), ("soul", 3, 1500), ("funk", 3, 1300),
    ("rock", 12, 1200), ("metal", 6, 1000), ("punk", 3, 700), ("indie", 5, 1100),
    ("electro", 8, 1600), ("techno", 4, 1800), ("house", 3, 1500),
    ("classique", 7, 2000), ("baroque", 2, 2200),
    ("world", 5, 1300), ("reggae", 4, 1100), ("latin", 3, 1200),
    ("chanson", 8, 1400), ("folk", 4, 900),
    ("hip-hop", 6, 2200), ("rap", 4, 2400),
    ("pop", 6, 2000),
]
REGIONS = [  # slug, weight, fee factor
    ("ile-de-france", 24, 1.25), ("auvergne-rhone-alpes", 13, 1.08), ("provence-alpes-cote-d-azur", 10, 1.05),
    ("occitanie", 9, 0.97), ("nouvelle-aquitaine", 9, 0.95), ("hauts-de-france", 7, 0.93),
    ("grand-est", 7, 0.94), ("bretagne", 6, 0.92), ("pays-de-la-loire", 5, 0.93),
    ("normandie", 4, 0.90), ("bourgogne-franche-comte", 3, 0.88), ("centre-val-de-loire", 2, 0.88),
    ("corse", 1, 1.00),
]
VENUES = [  # type, weight, capacity range
    ("bar", 22, (30, 120)), ("club", 24, (80, 500)), ("salle", 20, (200, 1500)),
    ("theatre", 10, (300, 1200)), ("festival", 14, (800, 12000)), ("prive", 10, (40, 300)),
]
CAPACITY_EXPONENT = 0.42
WEEKEND_PREMIUM = 1.18   # Friday and Saturday nights
FESTIVAL_PREMIUM = 1.22
SUMMER_PREMIUM = 1.08    # June to August
NOISE_SIGMA = 0.28
# Festivals happen mostly in summer; other venues programme mostly from September to June.
FESTIVAL_MONTHS = [5, 6, 6, 7, 7, 7, 8, 8, 8, 9]
SEASON_MONTHS = [1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 9, 10, 10, 11, 11, 12, 12]
WEEKDAY_WEIGHTS = [3, 4, 8, 12, 26, 30, 8]  # Monday … Sunday: most gigs on Friday and Saturday


def pick(rng, table):
    total = sum(row[1] for row in table)
    draw = rng.random() * total
    for row in table:
        draw -= row[1]
        if draw < 0:
            return row
    return table[-1]


def weekday(rng):
    draw = rng.random() * sum(WEEKDAY_WEIGHTS)
    for day, weight in enumerate(WEEKDAY_WEIGHTS, start=1):
        draw -= weight
        if draw < 0:
            return day
    return 7


def row(rng):
    genre, _, base = pick(rng, GENRES)
    region, _, region_factor = pick(rng, REGIONS)
    venue, _, (low, high) = pick(rng, VENUES)
    capacity = int(round(math.exp(rng.uniform(math.log(low), math.log(high)))))
    if capacity >= 1000:
        capacity = int(round(capacity, -2))
    elif capacity >= 100:
        capacity = int(round(capacity, -1))
    day = weekday(rng)
    month = rng.choice(FESTIVAL_MONTHS if venue == "festival" else SEASON_MONTHS)
    going_rate = base * (capacity / 300) ** CAPACITY_EXPONENT * region_factor
    if day in (5, 6):
        going_rate *= WEEKEND_PREMIUM
    if venue == "festival":
        going_rate *= FESTIVAL_PREMIUM
    if month in (6, 7, 8):
        going_rate *= SUMMER_PREMIUM
    asked = going_rate * math.exp(rng.gauss(0, NOISE_SIGMA))
    fee = max(100, int(round(asked / 50)) * 50)
    # Deals asked above the going rate are declined more often; some offers simply expire.
    excess = math.log(asked / going_rate)
    signed = 0.78 - 1.1 * max(0.0, excess) + 0.25 * max(0.0, -excess)
    draw = rng.random()
    if draw < min(0.95, max(0.05, signed)):
        outcome = "signed"
    elif draw < 0.93:
        outcome = "declined"
    else:
        outcome = "expired"
    return (genre, venue, capacity, region, day, month, fee, outcome)


HEADER = """\
# SAMPLE DATA — synthetic booking deals, NOT real market figures.
# Made by Scripts/negotiation/generate-sample-deals.py --rows {rows} --seed {seed}
# (see Models/negotiation/PROVENANCE.md). Replace it with the platform's own export
# (same columns) through `--deals FILE` or PARLEY_DEALS.
# Columns: genre, venue type, capacity (seats), region (slug), ISO weekday (1 Monday … 7 Sunday),
# month (1-12), fee (EUR before tax), outcome (signed | declined | expired).
genre,venue_type,capacity,region,weekday,month,fee,outcome
"""


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--output", default="-")
    args = parser.parse_args(argv)
    if args.rows <= 0:
        parser.error("--rows must be positive")
    rng = random.Random(args.seed)
    lines = [HEADER.format(rows=args.rows, seed=args.seed)]
    for _ in range(args.rows):
        lines.append(",".join(str(field) for field in row(rng)) + "\n")
    text = "".join(lines)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
