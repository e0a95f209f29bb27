#!/usr/bin/python3
"""Independent pandas computation of needsmap's tables/needs_ranking.csv.

Usage: needs_ranking.py SURVEY.csv NEEDSMAP_OUT/tables/needs_ranking.csv

Recomputes n, median, mean, top-2 share and the competition rank by mean for
every scope (Statewide and each region) and view (single; combined with
housing = max(adult_shelter, minor_shelter, transitional_housing) and mh_sud =
max(mental_health, sud_residential, sud_outpatient)) from a survey with the
canonical column names and numeric ratings, then compares them with
needsmap's table. Exits 1 on any difference. Needs Debian's python3-pandas.
"""
import sys

import pandas as pd

GROUPS = {
    "housing": ["adult_shelter", "minor_shelter", "transitional_housing"],
    "mh_sud": ["mental_health", "sud_residential", "sud_outpatient"],
}


def load(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    need_cols = [c for c in df.columns if c.startswith("need_")]
    ratings = df[need_cols].apply(pd.to_numeric, errors="coerce")
    ratings.columns = [c[len("need_"):] for c in need_cols]
    ratings = ratings.where((ratings >= 0) & (ratings <= 4) & (ratings == ratings.round()))
    return df["region"], ratings


def views(ratings):
    single = ratings
    combined = ratings.drop(columns=sum(GROUPS.values(), []))
    for key, members in GROUPS.items():
        combined[key] = ratings[members].max(axis=1, skipna=True)
    return {"single": single, "combined": combined}


def summarise(scope, view, frame):
    rows = []
    for cat in frame.columns:
        v = frame[cat].dropna()
        n = len(v)
        rows.append({
            "scope": scope, "view": view, "category": cat, "n": n,
            "median": v.median() if n else None,
            "mean": v.sum() / n if n else None,
            "top2": (v >= 3).sum() / n if n else None,
        })
    out = pd.DataFrame(rows)
    # Competition ranking: 1 + number of items with a strictly higher mean.
    out["rank"] = out["mean"].rank(method="min", ascending=False)
    return out


def main(survey, needsmap):
    region, ratings = load(survey)
    frames = []
    for view, frame in views(ratings).items():
        frames.append(summarise("Statewide", view, frame))
        for r in sorted(region.unique()):
            frames.append(summarise(r, view, frame[region == r]))
    ours = pd.concat(frames)
    theirs = pd.read_csv(needsmap, keep_default_na=False, dtype=str)
    merged = ours.merge(theirs, on=["scope", "view", "category"], suffixes=("_pd", "_nm"), how="outer", indicator=True)
    bad = 0
    if (merged["_merge"] != "both").any():
        print("rows only on one side:\n", merged[merged["_merge"] != "both"][["scope", "view", "category", "_merge"]])
        bad += 1
    for col in ["median", "mean", "top2"]:
        pd_txt = merged[col + "_pd"].map(lambda x: "" if pd.isna(x) else "%.6f" % x)
        diff = merged[pd_txt != merged[col + "_nm"]]
        if len(diff):
            print(col, "differs in", len(diff), "rows:\n", diff[["scope", "view", "category", col + "_pd", col + "_nm"]].head())
            bad += 1
    n_diff = merged[merged["n_pd"].astype(int).astype(str) != merged["n_nm"]]
    rank_pd = merged["rank_pd"].map(lambda x: "" if pd.isna(x) else str(int(x)))
    rank_diff = merged[rank_pd != merged["rank_nm"]]
    for name, diff in (("n", n_diff), ("rank", rank_diff)):
        if len(diff):
            print(name, "differs in", len(diff), "rows")
            bad += 1
    print("compared %d rows: %s" % (len(merged), "all equal" if not bad else "DIFFERENCES"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
