#!/usr/bin/env python3
"""Measures the cross-audit planner against the exact optimum and prints a Markdown table.

    python3 measure.py PLANNER_BINARY DEPARTEMENTS_CSV WORK_DIRECTORY [--exact-up-to 500]
        [--restricted-up-to 0]

For each campaign below it writes the generated instance to WORK_DIRECTORY, runs the planner
(median of 5 runs, release build), runs it once more without rule 18 (an exact optimum, and a
lower bound for the campaign with it) and, up to --exact-up-to members, exact_optimum.py over
every allowed pair. Larger campaigns, up to --restricted-up-to members, are solved by
exact_optimum.py over each member's and auditor's 40 nearest partners (an upper bound on the
optimum, equal to it in practice); the rest are compared with the bound only. Exact results are
cached in WORK_DIRECTORY: the 500-member optimum takes one to two minutes, the 5,000-member
restricted one about ten. A campaign above --exact-up-to that the planner proves optimal (its plan
meets the bound without rule 18, or its branch and bound finished) needs no exact solve.
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (label, members, seed, extra planner options)
CAMPAIGNS = (
    [("standard", 50, seed, []) for seed in (1, 2, 3)]
    + [("standard", 100, seed, []) for seed in (1, 2, 3)]
    + [("standard", 200, seed, []) for seed in (1, 2, 3, 4, 5)]
    + [("standard", 500, seed, []) for seed in (1, 2)]
    + [("capacity 1", 200, seed, ["--capacity", "1"]) for seed in (1, 2, 3, 4)]
    + [("few auditors", 200, seed, ["--auditor-shares", "60,25,10,5"]) for seed in (1, 2, 3)]
    + [("standard", 1000, 1, []), ("standard", 2000, 1, [])]
    + [("standard", 5000, seed, []) for seed in (1, 2, 3)]
    + [("capacity 1, few auditors", 5000, 1, ["--capacity", "1", "--auditor-shares", "80,15,5,0"])]
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("planner")
    parser.add_argument("departements")
    parser.add_argument("work")
    parser.add_argument("--exact-up-to", type=int, default=500)
    parser.add_argument("--restricted-up-to", type=int, default=0)
    options = parser.parse_args()
    os.makedirs(options.work, exist_ok=True)
    print("| campaign | members | audited | auditors | without rule 18 km | planner km | optimum km | gap % "
          "| planner s | exact s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, members, seed, extra in CAMPAIGNS:
        tag = f"{label.replace(' ', '-').replace(',', '')}-{members}-{seed}"
        instance = os.path.join(options.work, f"{tag}.json")
        common = ["--members", str(members), "--seed", str(seed), "--departements", options.departements, *extra]
        planner = run_planner(options.planner, common + ["--repeat", "5", "--instance", instance])
        relaxed = run_planner(options.planner, common + ["--repeat", "1", "--no-reciprocal"])
        exact_seconds = "–"
        if planner["proven"] and members > options.exact_up_to:
            optimum = planner["cost"]
            reference = f"{optimum:.2f} (proven by the planner)"
        elif members <= max(options.exact_up_to, options.restricted_up_to):
            restricted = members > options.exact_up_to
            exact = exact_optimum(instance, os.path.join(options.work, f"{tag}.optimum.json"), restricted)
            optimum = exact["optimum"]
            reference = f"{optimum:.2f}" + (" (40 nearest)" if restricted else "")
            if exact["coverage"] != planner["assigned"]:
                reference += f" covering {exact['coverage']}"
            exact_seconds = f"{exact['seconds']:.1f}"
        else:
            optimum = planner["lowerBound"]
            reference = f"≥ {optimum:.2f}" + (" (met)" if planner["proven"] else " (bound)")
        gap = 0.0 if optimum == 0 else (planner["cost"] - optimum) / optimum * 100
        gap = round(gap, 3) + 0.0  # no "-0.000" from rounding noise
        print(f"| {label} | {members} | {planner['audited']} | {planner['auditors']} | {relaxed['cost']:.2f} "
              f"| {planner['cost']:.2f} | {reference} | {gap:.3f} | {planner['seconds']:.3f} | {exact_seconds} |",
              flush=True)


def run_planner(binary, arguments):
    result = subprocess.run([binary, *arguments], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def exact_optimum(instance, cache, restricted):
    if not os.path.exists(cache):
        command = [sys.executable, os.path.join(HERE, "exact_optimum.py"), instance]
        if restricted:
            command += ["--nearest", "40"]
        result = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        with open(cache, "w", encoding="utf-8") as handle:
            handle.write(result)
    with open(cache, encoding="utf-8") as handle:
        return json.load(handle)


if __name__ == "__main__":
    main()
