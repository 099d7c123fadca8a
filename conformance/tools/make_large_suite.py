#!/usr/bin/env python3
"""Make a large conformance suite: random configurations of every schedule, filled by golden.py.

usage: make_large_suite.py OUT.json [--golden GOLDEN_PY] [--cases N] [--seed S] [--long K]

Writes N cases (default 500) drawn with a fixed seed, K of them (default 10) 10,000 steps long and
the rest between 5 and 400 steps, runs golden.py (the one beside this script unless --golden says
otherwise; it needs PyTorch) to fill the expected values, and writes OUT.json with one case per
line, so that the file stays small and diffs stay readable. The same seed gives the same cases.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile

LONG_STEPS = 10_000


def lr_choice(r):
    return r.choice([1.0, 0.5, 0.1, 0.05, 0.01, 0.003, 0.001])


def rnd(r, lo, hi, digits=4):
    return round(r.uniform(lo, hi), digits)


def log_uniform_int(r, lo, hi):
    return int(round(math.exp(r.uniform(math.log(lo), math.log(hi)))))


# Factor functions of LambdaLR and MultiplicativeLR: (python, java) of the step `epoch`.
def lambda_fn(r):
    k = r.randint(2, 50)
    b = rnd(r, 0.9, 0.999)
    c = rnd(r, 0.001, 0.1)
    python, java = r.choice([
        ("%s ** epoch" % b, "Math.pow(%s, epoch)" % b),
        ("1.0 / (1.0 + %s * epoch)" % c, "1.0 / (1.0 + %s * epoch)" % c),
        ("min(1.0, (epoch + 1) / %d.0)" % k, "Math.min(1.0, (epoch + 1) / %d.0)" % k),
        ("0.5 * (1.0 + math.cos(math.pi * (epoch %% %d) / %d))" % (k, k),
         "0.5 * (1.0 + Math.cos(Math.PI * (epoch %% %d) / %d))" % (k, k)),
        ("%s ** (epoch // %d)" % (b, k), "Math.pow(%s, epoch / %d)" % (b, k)),
    ])
    return {"python": python, "java": java, "var": "epoch"}


def multiplicative_fn(r):
    k = r.randint(2, 30)
    b = rnd(r, 0.9, 0.999)
    python, java = r.choice([
        ("%s" % b, "%s" % b),
        ("%s if epoch %% %d == 0 else 1.0" % (b, k), "epoch %% %d == 0 ? %s : 1.0" % (k, b)),
        ("1.0 - 0.5 / (epoch + %d)" % k, "1.0 - 0.5 / (epoch + %d)" % k),
    ])
    return {"python": python, "java": java, "var": "epoch"}


def scale_fn(r):
    python, java = r.choice([
        ("1.0 / (1.0 + 0.05 * x)", "1.0 / (1.0 + 0.05 * x)"),
        ("0.9 ** x", "Math.pow(0.9, x)"),
        # 0.5 ** n underflows quietly in both languages; 2.0 ** n would raise OverflowError in
        # Python only, where Java's Math.pow gives infinity.
        ("0.5 ** (x - 1)", "Math.pow(0.5, x - 1)"),
    ])
    return {"python": python, "java": java, "var": "x"}


def per_group(r, groups, make):
    """One value for all groups, or one per group."""
    if groups > 1 and r.random() < 0.5:
        return [make() for _ in range(groups)]
    return make()


def simple_child(r, steps):
    """A schedule that SequentialLR and ChainedScheduler combine."""
    kind = r.choice(["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR",
                     "CosineAnnealingLR", "PolynomialLR"])
    return {"type": kind, "args": simple_args(r, kind, steps)}


def simple_args(r, kind, steps):
    if kind == "StepLR":
        return {"step_size": r.randint(1, max(1, steps // 3)), "gamma": rnd(r, 0.1, 0.95)}
    if kind == "MultiStepLR":
        n = r.randint(1, 4)
        return {"milestones": sorted(r.randint(1, max(1, steps)) for _ in range(n)), "gamma": rnd(r, 0.1, 0.9)}
    if kind == "ConstantLR":
        return {"factor": rnd(r, 0.05, 1.0), "total_iters": r.randint(0, max(1, steps // 2))}
    if kind == "LinearLR":
        return {"start_factor": rnd(r, 0.01, 1.0), "end_factor": rnd(r, 0.0, 1.0),
                "total_iters": r.randint(1, max(1, steps))}
    if kind == "ExponentialLR":
        return {"gamma": rnd(r, 0.9, 0.9999, 5)}
    if kind == "CosineAnnealingLR":
        return {"T_max": r.randint(1, max(1, steps)), "eta_min": r.choice([0.0, 1e-5, 1e-4])}
    if kind == "PolynomialLR":
        return {"total_iters": r.randint(1, max(1, steps)), "power": r.choice([0.5, 1.0, 1.5, 2.0, 3.0])}
    raise ValueError(kind)


def make_case(r, index, steps):
    groups = r.choices([1, 2, 3], weights=[7, 2, 1])[0]
    param_groups = [{"lr": lr_choice(r)} for _ in range(groups)]
    case = {"id": "", "scheduler": None, "optimizer": {"type": "SGD", "param_groups": param_groups},
            "steps": steps}
    kind = r.choice(["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR",
                     "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR",
                     "ReduceLROnPlateau", "LambdaLR", "MultiplicativeLR", "SequentialLR",
                     "ChainedScheduler"])
    if kind in ("StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR",
                "CosineAnnealingLR"):
        args = simple_args(r, kind, steps)
        if kind in ("LinearLR", "ConstantLR") and r.random() < 0.3:
            del args["end_factor" if kind == "LinearLR" else "factor"]  # the default
        spec = {"type": kind, "args": args}
    elif kind == "CosineAnnealingWarmRestarts":
        spec = {"type": kind, "args": {"T_0": r.randint(1, max(1, steps // 4)), "T_mult": r.choice([1, 1, 2, 3]),
                                       "eta_min": r.choice([0.0, 1e-5, 1e-4])}}
    elif kind == "CyclicLR":
        for g in param_groups:
            g["momentum"] = 0.9
        base = [rnd(r, 1e-4, 1e-3, 6) for _ in range(groups)]
        args = {"base_lr": base if groups > 1 and r.random() < 0.5 else base[0],
                "max_lr": per_group(r, groups, lambda: rnd(r, 2e-3, 1e-1, 5)),
                "step_size_up": r.randint(1, max(1, steps // 4))}
        if r.random() < 0.4:
            args["step_size_down"] = r.randint(1, max(1, steps // 4))
        elif r.random() < 0.2:
            args["step_size_down"] = None
        if r.random() < 0.2:
            args["scale_fn"] = scale_fn(r)
            args["scale_mode"] = r.choice(["cycle", "iterations"])
        else:
            args["mode"] = r.choice(["triangular", "triangular2", "exp_range"])
            if args["mode"] == "exp_range":
                args["gamma"] = rnd(r, 0.99, 0.99999, 5)
        if r.random() < 0.25:
            args["cycle_momentum"] = False
        elif r.random() < 0.5:
            args["base_momentum"] = per_group(r, groups, lambda: rnd(r, 0.7, 0.85, 3))
            args["max_momentum"] = per_group(r, groups, lambda: rnd(r, 0.86, 0.99, 3))
        spec = {"type": kind, "args": args}
        case["record_momentum"] = True
    elif kind == "OneCycleLR":
        adam = r.random() < 0.2
        for g in param_groups:
            if adam:
                g["betas"] = [0.9, 0.999]
            else:
                g["momentum"] = 0.9
        if adam:
            case["optimizer"]["type"] = "Adam"
        args = {"max_lr": per_group(r, groups, lambda: rnd(r, 0.01, 1.0, 3))}
        if r.random() < 0.5:
            args["total_steps"] = steps
        else:
            spe = r.randint(1, 20)
            args["steps_per_epoch"] = spe
            args["epochs"] = max(1, -(-steps // spe))
        if r.random() < 0.6:
            args["pct_start"] = rnd(r, 0.05, 0.6, 2)
        if r.random() < 0.5:
            args["anneal_strategy"] = r.choice(["cos", "linear"])
        if r.random() < 0.4:
            args["div_factor"] = r.choice([5.0, 10.0, 25.0, 100.0])
        if r.random() < 0.4:
            args["final_div_factor"] = r.choice([10.0, 100.0, 1e4, 1e5])
        if r.random() < 0.3:
            args["three_phase"] = True
        if r.random() < 0.2:
            args["cycle_momentum"] = False
        elif r.random() < 0.4:
            args["base_momentum"] = per_group(r, groups, lambda: rnd(r, 0.7, 0.85, 3))
            args["max_momentum"] = per_group(r, groups, lambda: rnd(r, 0.86, 0.99, 3))
        spec = {"type": kind, "args": args}
        case["record_momentum"] = True
    elif kind == "ReduceLROnPlateau":
        mode = r.choice(["min", "max"])
        args = {"mode": mode, "factor": rnd(r, 0.1, 0.9, 2), "patience": r.randint(0, 10),
                "threshold": r.choice([1e-4, 1e-3, 0.01]), "threshold_mode": r.choice(["rel", "abs"]),
                "cooldown": r.randint(0, 5)}
        if r.random() < 0.5:
            args["min_lr"] = per_group(r, groups, lambda: r.choice([0.0, 1e-5, 1e-4]))
        if r.random() < 0.2:
            args["eps"] = r.choice([1e-8, 1e-4])
        for key in list(args):
            if key != "mode" and r.random() < 0.2:
                del args[key]  # the default
        spec = {"type": kind, "args": args}
        metric, metrics = 1.0, []
        for _ in range(steps):
            drift = -0.01 if r.random() < 0.5 else 0.0
            metric = max(0.0, metric * (1 + drift) + r.gauss(0, 0.005))
            metrics.append(round(metric if mode == "min" else 1.0 - metric, 6))
        case["metrics"] = metrics
    elif kind == "LambdaLR":
        spec = {"type": kind, "args": {"lr_lambda": [lambda_fn(r) for _ in range(r.choice([1, groups]))]}}
    elif kind == "MultiplicativeLR":
        spec = {"type": kind, "args": {"lr_lambda": [multiplicative_fn(r) for _ in range(r.choice([1, groups]))]}}
    elif kind == "SequentialLR":
        n = r.randint(2, 3)
        milestones = sorted(r.sample(range(1, max(n + 1, steps)), n - 1))
        spec = {"type": kind, "args": {"milestones": milestones},
                "schedulers": [simple_child(r, steps) for _ in range(n)]}
    else:
        spec = {"type": kind, "args": {}, "schedulers": [simple_child(r, steps) for _ in range(r.randint(2, 3))]}
    case["scheduler"] = spec
    case["id"] = "random/%03d-%s" % (index, kind)
    return case


def make_reject(r, index):
    """A configuration the reference refuses, at construction or while stepping."""
    steps = r.randint(4, 40)
    kind, args = r.choice([
        ("StepLR", {"step_size": 0, "gamma": 0.5}),
        ("ConstantLR", {"factor": rnd(r, 1.01, 3.0, 2), "total_iters": 4}),
        ("LinearLR", {"start_factor": rnd(r, 1.01, 2.0, 2), "total_iters": 4}),
        ("LinearLR", {"end_factor": rnd(r, 1.01, 2.0, 2), "total_iters": 4}),
        ("CosineAnnealingWarmRestarts", {"T_0": -r.randint(0, 5)}),
        ("CosineAnnealingWarmRestarts", {"T_0": 5, "T_mult": 0}),
        ("OneCycleLR", {"max_lr": 0.1, "total_steps": r.randint(2, steps - 2)}),
        ("OneCycleLR", {"max_lr": 0.1, "total_steps": 10, "pct_start": rnd(r, 1.01, 2.0, 2)}),
        ("OneCycleLR", {"max_lr": 0.1, "total_steps": 0}),
        ("CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "mode": "sawtooth"}),
        ("ReduceLROnPlateau", {"factor": rnd(r, 1.0, 2.0, 2)}),
        ("ReduceLROnPlateau", {"threshold_mode": "relative"}),
    ])
    groups = [{"lr": 0.1, "momentum": 0.9}]
    case = {"id": "random/%03d-reject-%s" % (index, kind), "scheduler": {"type": kind, "args": args},
            "optimizer": {"type": "SGD", "param_groups": groups}, "steps": steps}
    if kind in ("OneCycleLR", "CyclicLR"):
        case["record_momentum"] = True
    if kind == "ReduceLROnPlateau":
        case["metrics"] = [round(1.0 - 0.01 * t, 6) for t in range(steps)]
    return case


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--golden", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.py"))
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--long", type=int, default=10)
    a = ap.parse_args()
    r = random.Random(a.seed)
    long_at = set(r.sample(range(a.cases), a.long))
    cases = []
    for i in range(a.cases):
        if i not in long_at and r.random() < 0.06:
            cases.append(make_reject(r, i))
            continue
        steps = LONG_STEPS if i in long_at else log_uniform_int(r, 5, 400)
        cases.append(make_case(r, i, steps))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "cases.json")
        filled = os.path.join(tmp, "filled.json")
        with open(src, "w") as f:
            json.dump({"format": "lr-schedule-cases/1", "cases": cases}, f)
        subprocess.run([sys.executable, a.golden, src, filled], check=True)
        with open(filled) as f:
            doc = json.load(f)
    with open(a.out, "w") as f:
        f.write("{\"format\": %s,\n \"reference\": %s,\n \"generator\": %s,\n \"cases\": [\n" % (
            json.dumps(doc["format"]), json.dumps(doc["reference"]),
            json.dumps("make_large_suite.py --cases %d --seed %d --long %d" % (a.cases, a.seed, a.long))))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in doc["cases"]))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
