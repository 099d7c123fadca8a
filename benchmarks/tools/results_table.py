#!/usr/bin/env python3
"""Turns a JMH result file (-rf json) into the tables of BENCHMARKS.md.

    python3 benchmarks/tools/results_table.py results.json

Prints the results table (the median of every measured iteration of every fork in bold, JMH's
score and error after it, the ratios of medians) and the allocation table (gc.alloc.rate.norm,
present when the run used -prof gc).
"""
import json
import statistics
import sys

FAMILIES = ["Step", "MultiStep", "Exponential", "Cosine", "WarmRestarts", "CyclicTriangular2",
            "OneCycleCos", "WarmupCosine", "Plateau", "Scale"]
METHODS = ["generated", "generatedLrAt", "handWritten", "djl", "dl4j"]


def figure(value):
    """Three significant digits, as JMH prints them."""
    if value == 0:
        return "0"
    return f"{value:.3g}"


def load(path):
    with open(path) as f:
        runs = json.load(f)
    results = {}
    for run in runs:
        family, method = run["benchmark"].rsplit(".", 2)[-2:]
        family = family.removesuffix("Benchmark")
        primary = run["primaryMetric"]
        measured = [value for fork in primary["rawData"] for value in fork]
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        results[(family, method)] = {
            "median": statistics.median(measured),
            "score": primary["score"],
            "error": primary["scoreError"],
            "samples": len(measured),
            "forks": len(primary["rawData"]),
            "alloc": alloc,
        }
    return results


def ratio(results, family, over):
    top = results.get((family, "generated"))
    bottom = results.get((family, over))
    if top is None or bottom is None:
        return "—"
    return f"{top['median'] / bottom['median']:.2f}"


def cell(result):
    if result is None:
        return "—"
    return f"**{figure(result['median'])}** ({figure(result['score'])} ± {figure(result['error'])})"


def allocation(result):
    if result is None:
        return "—"
    alloc = result["alloc"]
    if alloc is None:
        return "not measured"
    return "0" if alloc["score"] < 0.01 else figure(alloc["score"])


def main(path):
    results = load(path)
    print("| Family | " + " | ".join(METHODS) + " | generated / handWritten | generated / djl"
          " | generated / dl4j | B/op generated, generatedLrAt |")
    print("|---" * (len(METHODS) + 5) + "|")
    for family in FAMILIES:
        if not any(key[0] == family for key in results):
            continue
        cells = [cell(results.get((family, method))) for method in METHODS]
        alloc = ", ".join(allocation(results.get((family, method)))
                          for method in ("generated", "generatedLrAt")
                          if (family, method) in results)
        print(f"| {family} | " + " | ".join(cells) + f" | {ratio(results, family, 'handWritten')}"
              f" | {ratio(results, family, 'djl')} | {ratio(results, family, 'dl4j')} | {alloc} |")
    counts = {(r["forks"], r["samples"]) for r in results.values()}
    print()
    print("Forks and measured iterations per benchmark: "
          + ", ".join(f"{forks} forks, {samples} iterations" for forks, samples in sorted(counts)))
    print()
    print("| Benchmark | gc.alloc.rate.norm (B/op) |")
    print("|---|---|")
    for family in FAMILIES:
        for method in METHODS:
            result = results.get((family, method))
            if result is None or result["alloc"] is None:
                continue
            alloc = result["alloc"]
            print(f"| {family}.{method} | {figure(alloc['score'])} ± {figure(alloc['scoreError'])} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: results_table.py RESULTS.json")
    main(sys.argv[1])
