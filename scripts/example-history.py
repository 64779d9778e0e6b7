#!/usr/bin/env python3
"""Writes scenarios/example-history.csv: twelve years of covered loans and
defaults for the six banks of scenarios/hebei-2022.yaml, drawn from that
scenario's own assumptions (PD 2%, correlations 0.06 global, 0.04 sector,
0.02 bank, its segments' loans_per_year and sectors). Fixed seed: the file is
the same every time."""
import math
import random
import statistics

SEGMENTS = {  # bank: [(sector, loans_per_year)], as in hebei-2022.yaml
    "ccb-hebei": [("electronic-information", 240), ("advanced-manufacturing", 60)],
    "boc-hebei": [("advanced-manufacturing", 160), ("biomedicine", 40)],
    "icbc-hebei": [("new-materials", 200), ("electronic-information", 50)],
    "psbc-hebei": [("biomedicine", 120), ("new-materials", 30)],
    "bank-of-hebei": [("advanced-manufacturing", 200), ("electronic-information", 50)],
    "huaxia-sjz": [("electronic-information", 80), ("biomedicine", 20)],
}
PD, RHO_GLOBAL, RHO_SECTOR, RHO_BANK = 0.02, 0.06, 0.04, 0.02
YEARS = range(2014, 2026)

def main():
    rng = random.Random(20221126)
    threshold = statistics.NormalDist().inv_cdf(PD)
    idiosyncratic = math.sqrt(1 - RHO_GLOBAL - RHO_SECTOR - RHO_BANK)
    sectors = sorted({sector for segments in SEGMENTS.values() for sector, _ in segments})
    lines = [
        "# Example default history for `poolsim calibrate`: twelve years of the six banks of",
        "# scenarios/hebei-2022.yaml, simulated from that scenario's own assumptions (PD 2%;",
        "# correlations 0.06 global, 0.04 sector, 0.02 bank; its loans_per_year and sectors)",
        "# by scripts/example-history.py with a fixed seed. Not observed data.",
        "year,bank,loans,defaults",
    ]
    for year in YEARS:
        g = rng.gauss(0, 1)
        sector_factor = {sector: rng.gauss(0, 1) for sector in sectors}
        for bank, segments in SEGMENTS.items():
            b = rng.gauss(0, 1)
            loans = defaults = 0
            for sector, count in segments:
                systematic = (math.sqrt(RHO_GLOBAL) * g + math.sqrt(RHO_SECTOR) * sector_factor[sector]
                              + math.sqrt(RHO_BANK) * b)
                for _ in range(count):
                    loans += 1
                    if systematic + idiosyncratic * rng.gauss(0, 1) < threshold:
                        defaults += 1
            lines.append(f"{year},{bank},{loans},{defaults}")
    with open("scenarios/example-history.csv", "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
