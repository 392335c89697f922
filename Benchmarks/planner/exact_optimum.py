#!/usr/bin/env python3
"""Exact optimum of a cross-audit campaign, for measuring cedre's planner against it.

Reads an instance written by the planner benchmark (raw facts: members, auditors, links, previous
campaign, policies, capacity, year) and recomputes every rule independently of the Swift code:
rules 15-17 (own company, same GES, declared link, rotation), rule 16 (qualification valid on a
working day before the external audit), rule 19 (capacity), rule 20 (working days: Monday to Friday
except the member's "holidays", or every day without the working-day policy), "no auditor twice on one day" (an
auditor's windows all open on the same day, so its k-th tightest window needs k working days),
rule 18 (no reciprocal pair) and rule 13 (one cross-audit per member, before its external audit).

Solves, with HiGHS through scipy.optimize.milp: first the most members that can be assigned, then
the least total great-circle distance (haversine, R = 6371 km) at that coverage.

    python3 exact_optimum.py instance.json [--time-limit SECONDS] [--gap 1e-7] [--nearest K]

Prints one JSON line: audited, auditors, arcs, coverage, optimum (km), bound, status, seconds.
With --nearest K only each member's and each auditor's K nearest allowed partners are arcs: the
result is then an upper bound on the optimum (the bound HiGHS reports is for that restriction).
"""

import argparse
import calendar
import datetime
import json
import math
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

EARTH_RADIUS_KM = 6371.0


def haversine(first, second):
    """Great-circle distance between two (latitude, longitude) points, in kilometres."""
    lat1, lon1 = (math.radians(v) for v in first)
    lat2, lon2 = (math.radians(v) for v in second)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def day(text):
    return datetime.date.fromisoformat(text)


def add_months(start, months):
    """The same day `months` later, clamped to the month's end (as certification bodies count)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(start.day, last))


def working_days(first, last, year, holidays=None):
    """Monday-to-Friday days from `first` to `last`, both included, inside `year`, less the
    `holidays` among them; every day of that span when `holidays` is None (working-day off)."""
    first = max(first, datetime.date(year, 1, 1))
    last = min(last, datetime.date(year, 12, 31))
    if first > last:
        return 0
    if holidays is None:
        return (last - first).days + 1
    count = 0
    current = first
    # Whole weeks at once, then the remainder.
    total = (last - first).days + 1
    weeks, remainder = divmod(total, 7)
    count = weeks * 5
    current = first + datetime.timedelta(days=weeks * 7)
    for offset in range(remainder):
        if (current + datetime.timedelta(days=offset)).weekday() < 5:
            count += 1
    return count - sum(1 for holiday in holidays if first <= holiday <= last and holiday.weekday() < 5)


def build(instance):
    year = instance["year"]
    policies = set(instance["policies"])
    capacity = instance["capacity"]
    members = instance["members"]
    index_of = {member["id"]: position for position, member in enumerate(members)}
    heads = {member["group"] for member in members if "group" in member}
    group = [member.get("group") or (member["id"] if member["id"] in heads else None) for member in members]
    links = set()
    for first, second in instance["declaredLinks"]:
        links.add((first, second))
        links.add((second, first))
    previous = {(audited, auditing) for audited, auditing in instance["previousCampaign"]}
    audited = [position for position, member in enumerate(members) if member["needsCrossAudit"]]
    auditors = [auditor for auditor in instance["auditors"] if instance["scheme"] in auditor["schemes"]]
    year_end = datetime.date(year, 12, 31)

    arcs = []  # (audited position, auditor position, cost, working days)
    for a, company in enumerate(audited):
        member = members[company]
        holidays = [day(text) for text in member.get("holidays", [])] if "working-day" in policies else None
        last = year_end
        if "externalAuditOn" in member:
            last = min(day(member["externalAuditOn"]) - datetime.timedelta(days=1), year_end)
        for j, auditor in enumerate(auditors):
            other = index_of[auditor["member"]]
            if "own-company" in policies and other == company:
                continue
            if "same-group" in policies and group[company] is not None and group[company] == group[other]:
                continue
            if "declared-link" in policies and (member["id"], auditor["member"]) in links:
                continue
            if "rotation" in policies and (member["id"], auditor["member"]) in previous:
                continue
            first, final = datetime.date(year, 1, 1), last
            if "qualification" in policies:
                trained = day(auditor["trainedOn"])
                first = max(first, trained)
                final = min(final, add_months(trained, auditor["validityMonths"]))
            days = working_days(first, final, year, holidays)
            if days == 0:
                continue
            cost = haversine(member["location"], members[other]["location"])
            arcs.append((a, j, cost, days))
    return audited, auditors, arcs, members, index_of, policies, capacity


def nearest_arcs(arcs, count):
    """Each member's and each auditor's `count` nearest allowed partners, ties at the boundary kept.

    The optimum over these arcs is an upper bound on the exact optimum (and equal to it whenever
    no far pair is worth using); it makes campaigns of thousands of members tractable.
    """
    keep = set()
    for key in (0, 1):
        groups = {}
        for index, arc in enumerate(arcs):
            groups.setdefault(arc[key], []).append(index)
        for indices in groups.values():
            indices.sort(key=lambda index: arcs[index][2])
            if len(indices) > count:
                limit = arcs[indices[count - 1]][2]
                indices = [index for index in indices if arcs[index][2] <= limit]
            keep.update(indices)
    return [arcs[index] for index in sorted(keep)]


def constraints(audited, auditors, arcs, members, index_of, policies, capacity):
    rows, cols, lower, upper = [], [], [], []
    row = 0

    def add(indices, low, high):
        nonlocal row
        for index in indices:
            rows.append(row)
            cols.append(index)
        lower.append(low)
        upper.append(high)
        row += 1

    by_member = {}
    by_auditor = {}
    for index, (a, j, _, _) in enumerate(arcs):
        by_member.setdefault(a, []).append(index)
        by_auditor.setdefault(j, []).append(index)
    for indices in by_member.values():
        add(indices, 0, 1)
    for j, indices in by_auditor.items():
        limit = capacity if "capacity" in policies else len(indices)
        add(indices, 0, limit)
        for level in sorted({arcs[i][3] for i in indices if arcs[i][3] < limit}):
            add([i for i in indices if arcs[i][3] <= level], 0, level)
    if "reciprocal" in policies:
        # Arcs "company C audits member a", keyed (a's company, C).
        directed = {}
        for index, (a, j, _, _) in enumerate(arcs):
            company = audited[a]
            auditing = index_of[auditors[j]["member"]]
            directed.setdefault((company, auditing), []).append(index)
        for (company, auditing), indices in directed.items():
            if company < auditing and (auditing, company) in directed:
                add(indices + directed[(auditing, company)], 0, 1)
    matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(row, len(arcs))).tocsr()
    return LinearConstraint(matrix, np.array(lower, dtype=float), np.array(upper, dtype=float))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instance")
    parser.add_argument("--time-limit", type=float, default=3600)
    parser.add_argument("--gap", type=float, default=1e-7, help="relative MIP gap HiGHS stops at")
    parser.add_argument("--nearest", type=int, help="keep only each member's and auditor's nearest partners")
    options = parser.parse_args()
    with open(options.instance, encoding="utf-8") as handle:
        instance = json.load(handle)
    started = time.perf_counter()
    audited, auditors, arcs, members, index_of, policies, capacity = build(instance)
    if options.nearest:
        arcs = nearest_arcs(arcs, options.nearest)
    constraint = constraints(audited, auditors, arcs, members, index_of, policies, capacity)
    count = len(arcs)
    integrality = np.ones(count)
    bounds = Bounds(np.zeros(count), np.ones(count))
    solver = {"time_limit": options.time_limit, "mip_rel_gap": options.gap}
    coverage_run = milp(-np.ones(count), constraints=constraint, integrality=integrality, bounds=bounds, options=solver)
    if coverage_run.x is None:
        print(json.dumps({"status": coverage_run.message}))
        sys.exit(1)
    coverage = int(round(-coverage_run.fun))
    costs = np.array([arc[2] for arc in arcs])
    cover = LinearConstraint(np.ones((1, count)), coverage, coverage)
    cost_run = milp(costs, constraints=[constraint, cover], integrality=integrality, bounds=bounds, options=solver)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "audited": len(audited), "auditors": len(auditors), "arcs": count, "coverage": coverage,
        "optimum": cost_run.fun, "bound": getattr(cost_run, "mip_dual_bound", None),
        "status": cost_run.message, "seconds": round(seconds, 2), "nearest": options.nearest,
    }))


if __name__ == "__main__":
    main()
