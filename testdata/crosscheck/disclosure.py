#!/usr/bin/python3
"""Attack needsmap's published counts and fail if any suppressed cell can be
worked out.

Usage: disclosure.py OUTPUT_DIR

Reads only the published CSV tables (tables/survivors_served.csv and, when
present, the three referral tables) and what any reader knows about them:
which counts add up to which totals, that "<11" means 1..10, that "*" hides
a count of 0 or more. It sets up every total constraint and bounds each
suppressed cell with linear programming (SciPy's HiGHS), then fails when a
cell is confined to a single whole number. It shares no code with needsmap.
Needs Debian's python3-scipy.
"""
import csv
import math
import os
import sys

import numpy as np
from scipy.optimize import linprog

SURVIVORS = ["survivors", "sex", "labor", "both", "type_not_reported", "ipv", "familial", "pimp",
             "survival", "other_sex", "subtype_not_reported", "minor", "adult", "age_not_reported",
             "lgbtq", "foreign_born"]
REFERRALS = ["referrals", "completed", "not_completed", "declined", "pending"]
STATUSES = REFERRALS[1:]


class Attack:
    def __init__(self, k):
        self.known, self.hidden, self.relations = {}, {}, []
        self.k = k

    def table(self, name, path, cols, key_cols=1):
        keys = []
        with open(path, newline="") as f:
            rows = list(csv.reader(f))
        head = rows[0]
        for r in rows[1:]:
            key = "|".join(r[:key_cols])
            keys.append(key)
            for c in cols:
                v = r[head.index(c)]
                cell = (name, key, c)
                if v.isdigit():
                    self.known[cell] = int(v)
                elif v in ("<%d" % self.k, "*"):
                    self.hidden[cell] = v
                else:
                    raise SystemExit("%s %s %s: %r is neither a count nor a suppression symbol" % cell + (v,))
        return keys

    def relate(self, left, right):
        self.relations.append((left, right))

    def bounds(self):
        hidden = sorted(self.hidden)
        index = {c: i for i, c in enumerate(hidden)}
        a, b = [], []
        for left, right in self.relations:
            row, rhs, used = np.zeros(len(hidden)), 0.0, False
            for sign, cells in ((1, left), (-1, right)):
                for c in cells:
                    if c in index:
                        row[index[c]] += sign
                        used = True
                    else:
                        rhs -= sign * self.known[c]
            if used:
                a.append(row)
                b.append(rhs)
        lims = [(1, self.k - 1) if self.hidden[c] == "<%d" % self.k else (0, None) for c in hidden]
        a, b = np.array(a), np.array(b)
        out = {}
        for i, c in enumerate(hidden):
            obj = np.zeros(len(hidden))
            obj[i] = 1
            lo = linprog(obj, A_eq=a, b_eq=b, bounds=lims, method="highs")
            hi = linprog(-obj, A_eq=a, b_eq=b, bounds=lims, method="highs")
            if lo.status != 0:
                raise SystemExit("the published tables are inconsistent (LP status %d)" % lo.status)
            out[c] = (lo.fun, -hi.fun if hi.status == 0 else math.inf)
        return out


def survivors(att, keys):
    for s in keys:
        att.relate([("survivors_served", s, "survivors")],
                   [("survivors_served", s, c) for c in ("sex", "labor", "both", "type_not_reported")])
        att.relate([("survivors_served", s, c) for c in ("sex", "both")],
                   [("survivors_served", s, c) for c in ("ipv", "familial", "pimp", "survival", "other_sex", "subtype_not_reported")])
        att.relate([("survivors_served", s, "survivors")],
                   [("survivors_served", s, c) for c in ("minor", "adult", "age_not_reported")])
    for c in SURVIVORS:
        att.relate([("survivors_served", "Statewide", c)], [("survivors_served", s, c) for s in keys if s != "Statewide"])


def referrals(att, services, quarters, pairs):
    for table, keys in (("by_service", services), ("by_quarter", quarters)):
        for r in keys:
            att.relate([(table, r, "referrals")], [(table, r, s) for s in STATUSES])

    def groups(keys):
        by_scope, by_second = {}, {}
        for r in keys:
            scope, second = r.split("|", 1)
            by_scope.setdefault(scope, []).append(r)
            by_second.setdefault(second, []).append(r)
        return by_scope, by_second

    svc_scope, svc_second = groups(services)
    q_scope, q_second = groups(quarters)
    for c in REFERRALS:
        for scope, rows in svc_scope.items():
            total = ("by_service", scope + "|all_services", c)
            att.relate([total], [("by_service", r, c) for r in rows if not r.endswith("|all_services")])
            if q_scope.get(scope):
                att.relate([total], [("by_quarter", r, c) for r in q_scope[scope]])
        for table, by_second in (("by_service", svc_second), ("by_quarter", q_second)):
            for rows in by_second.values():
                state = [r for r in rows if r.startswith("Statewide|")]
                if state:
                    att.relate([(table, state[0], c)], [(table, r, c) for r in rows if not r.startswith("Statewide|")])
    if pairs:
        att.relate([("by_service", "Statewide|all_services", "referrals")], [("network", p, "referrals") for p in pairs])


def main(out, k=11):
    att = Attack(k)
    tables = os.path.join(out, "tables")
    survivors(att, att.table("survivors_served", os.path.join(tables, "survivors_served.csv"), SURVIVORS))
    if os.path.exists(os.path.join(tables, "referrals_by_region_service.csv")):
        referrals(att,
                  att.table("by_service", os.path.join(tables, "referrals_by_region_service.csv"), REFERRALS, 2),
                  att.table("by_quarter", os.path.join(tables, "referrals_by_quarter.csv"), REFERRALS, 2),
                  att.table("network", os.path.join(tables, "referral_network.csv"), REFERRALS[:1], 2))
    bad = 0
    for cell, (lo, hi) in sorted(att.bounds().items()):
        pinned = math.floor(hi + 1e-7) <= math.ceil(lo - 1e-7)
        if pinned and att.hidden[cell] == "*" and abs(lo) < 1e-7:
            continue  # a hidden zero worked out: zeros may be published
        if pinned:
            print("RECOVERED %s %s %s (%s) = %g" % (cell + (att.hidden[cell], lo)))
            bad += 1
        elif att.hidden[cell] == "<%d" % k and lo < 1 - 1e-7:
            print("BAD BOUND %s %s %s: %g" % (cell + (lo,)))
            bad += 1
    print("attacked %d suppressed cells with %d total constraints: %s" %
          (len(att.hidden), len(att.relations), "none recovered" if not bad else "%d RECOVERED" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
