#!/usr/bin/python3
"""Independent pandas computation of needsmap's referral tables.

Usage: referrals.py REFERRALS.csv NEEDSMAP_OUT/tables

Recomputes, from a referral sheet with the canonical column names and
statuses (one file: no duplicates to merge), for every region and service
(and each region's all_services row, and the Statewide rows):

  referrals, completed, not_completed, declined, pending;
  completion_rate = completed / (completed + not_completed + declined);
  ci_low, ci_high: the Wilson score interval at 95%, from its textbook
    formula with z = NormalDist().inv_cdf(0.975);
  median_days: median of completed_date - referral_date in days over the
    completed referrals with a completion date;

and the same per region and quarter of the referral date, then compares
them with referrals_by_region_service.csv and referrals_by_quarter.csv
(unsuppressed). Floats must agree to 5e-7 (the tables have six decimals);
counts exactly. Exits 1 on any difference. Needs Debian's python3-pandas.
"""
import math
import sys
from statistics import NormalDist

import pandas as pd

STATUSES = ["completed", "not_completed", "declined", "pending"]
Z = NormalDist().inv_cdf(0.975)


def wilson(k, n):
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def summarise(g):
    counts = g["status"].value_counts()
    row = {s: int(counts.get(s, 0)) for s in STATUSES}
    row["referrals"] = len(g)
    den = row["completed"] + row["not_completed"] + row["declined"]
    row["completion_rate"] = row["completed"] / den if den else float("nan")
    row["ci_low"], row["ci_high"] = wilson(row["completed"], den)
    days = g.loc[(g["status"] == "completed") & g["done"].notna(), "days"]
    row["median_days"] = float(days.median()) if len(days) else float("nan")
    return row


def expected(df, by):
    out = {}
    for scope, frame in [("Statewide", df)] + list(df.groupby("region")):
        for key, g in frame.groupby(by):
            out[(scope, key)] = summarise(g)
        if by == "service":
            out[(scope, "all_services")] = summarise(frame)
    return out


def compare(want, path, key_col):
    got = pd.read_csv(path, dtype=str, keep_default_na=False)
    bad = 0
    seen = set()
    for _, r in got.iterrows():
        k = (r["region"], r[key_col])
        seen.add(k)
        w = want.get(k)
        if w is None:
            if int(r["referrals"]) != 0:
                print("unexpected row", k)
                bad += 1
            continue
        for col, v in w.items():
            g = r[col]
            if isinstance(v, float):
                if math.isnan(v):
                    ok = g == ""
                else:
                    ok = g != "" and abs(float(g) - v) <= 5e-7
            else:
                ok = g == str(v)
            if not ok:
                print(f"{path}: {k} {col}: needsmap {g!r}, pandas {v!r}")
                bad += 1
    for k in want:
        if k not in seen:
            print("missing row", k)
            bad += 1
    return bad


def main():
    src, tables = sys.argv[1], sys.argv[2]
    df = pd.read_csv(src, dtype=str, keep_default_na=False)
    df["date"] = pd.to_datetime(df["referral_date"], format="%Y-%m-%d")
    df["done"] = pd.to_datetime(df["completed_date"].replace("", None), format="%Y-%m-%d")
    df["days"] = (df["done"] - df["date"]).dt.days
    df["quarter"] = df["date"].dt.year.astype(str) + "-Q" + df["date"].dt.quarter.astype(str)
    bad = compare(expected(df, "service"), f"{tables}/referrals_by_region_service.csv", "service")
    bad += compare(expected(df, "quarter"), f"{tables}/referrals_by_quarter.csv", "quarter")
    print(f"{len(df)} referrals; {bad} differences")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
