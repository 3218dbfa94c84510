#!/usr/bin/env python3
"""The initialization lab in PyTorch: the same experiment as `bin/lamina init-lab`.

1000 samples x 100 features from N(0, 1) go through ten bias-free Linear(100, 100) layers for
every activation {tanh, sigmoid, relu} and initializer {normal std 0.01, normal std 1,
xavier_normal_ (std sqrt(2/(fan_in + fan_out)) = sqrt(1/fan_in) here), kaiming_normal_
(nonlinearity="relu": std sqrt(2/fan_in))}; each layer's mean, std and saturated fraction are
recorded. Random numbers differ between PyTorch and Lamina, so the two agree in distribution,
not digit for digit: the script runs many seeds and keeps each statistic's mean and spread.

    /usr/bin/python3 scripts/init_lab_pytorch.py                  # the table, 20 seeds
    /usr/bin/python3 scripts/init_lab_pytorch.py --fixture        # rewrite the test fixture
    bin/lamina init-lab --json | tail -1 > lamina.json
    /usr/bin/python3 scripts/init_lab_pytorch.py --compare lamina.json

--fixture writes examples/src/test/resources/fixtures/init_lab.json, which
examples/src/test/java/dev/lamina/examples/InitLabPyTorchTest checks Lamina's lab against
(the test needs no PyTorch). --compare prints, for one Lamina run, how many of PyTorch's seed-to-seed
standard deviations each of its numbers is from PyTorch's mean.
"""

import argparse
import json
import math
import os
import sys

try:
    import torch
    from torch.nn import init
except ImportError as e:
    sys.exit(f"needs PyTorch ({e}); run with a Python that has it, e.g. /usr/bin/python3")

SAMPLES, WIDTH, DEPTH = 1000, 100, 10
ACTIVATIONS = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}
INITS = {
    "normal_0.01": lambda w: init.normal_(w, 0.0, 0.01),
    "normal_1": lambda w: init.normal_(w, 0.0, 1.0),
    "xavier": lambda w: init.xavier_normal_(w),
    "he": lambda w: init.kaiming_normal_(w, nonlinearity="relu"),
}
FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "src", "test",
                       "resources", "fixtures", "init_lab.json")
# Statistics compared across seeds: the std on a log scale (it grows or shrinks geometrically with
# depth), the mean in units of the std (so it scales with it), and the saturated fraction.
STATS = ["log10_std", "mean_over_std", "saturated_frac"]


def saturated(activation, a):
    if activation == "tanh":
        return (a.abs() > 0.99).double().mean().item()
    if activation == "sigmoid":
        return ((a < 0.01) | (a > 0.99)).double().mean().item()
    return (a == 0).double().mean().item()


def run(seed):
    """Every pair's ten layers for one seed: {(activation, init): [(mean, std, saturated), ...]}."""
    torch.manual_seed(seed)
    x = torch.randn(SAMPLES, WIDTH)
    out = {}
    for act_name, act in ACTIVATIONS.items():
        for init_name, draw in INITS.items():
            h = x
            layers = []
            for _ in range(DEPTH):
                linear = torch.nn.Linear(WIDTH, WIDTH, bias=False)
                with torch.no_grad():
                    draw(linear.weight)
                    h = act(linear(h))
                d = h.double()
                layers.append((d.mean().item(), d.std(unbiased=False).item(),
                               saturated(act_name, h)))
            out[(act_name, init_name)] = layers
    return out


def features(mean, std, sat):
    return {"log10_std": math.log10(std), "mean_over_std": mean / std, "saturated_frac": sat}


def summarize(seeds):
    runs = [run(s) for s in range(seeds)]
    rows = []
    for (act, init_name) in runs[0]:
        for layer in range(DEPTH):
            values = [features(*r[(act, init_name)][layer]) for r in runs]
            row = {"activation": act, "init": init_name, "layer": layer + 1}
            for stat in STATS:
                xs = [v[stat] for v in values]
                m = sum(xs) / len(xs)
                sd = math.sqrt(sum((v - m) ** 2 for v in xs) / (len(xs) - 1))
                row[stat] = {"mean": m, "sd": sd}
            row["std"] = 10 ** row["log10_std"]["mean"]
            rows.append(row)
    return rows


def print_table(rows, seeds):
    print(f"PyTorch {torch.__version__}, {seeds} seeds: geometric mean of each layer's std "
          f"(saturated fraction)")
    print(f"{'':9} {'layer':12}" + "".join(f"{l:>17}" for l in range(1, DEPTH + 1)))
    for i in range(0, len(rows), DEPTH):
        pair = rows[i:i + DEPTH]
        cells = "".join(f"{r['std']:>10.3g} ({r['saturated_frac']['mean']:.2f})" for r in pair)
        print(f"{pair[0]['activation']:9} {pair[0]['init']:12}{cells}")


def compare(rows, path, z_limit):
    with open(path) as f:
        lamina = json.loads(f.read().strip().splitlines()[-1])["rows"]
    lamina = {(r["activation"], r["init"], r["layer"]): r for r in lamina}
    worst = 0.0
    print(f"\n|Lamina - PyTorch| in PyTorch's seed-to-seed standard deviations "
          f"(log10 std, mean/std, saturated)")
    for r in rows:
        l = lamina[(r["activation"], r["init"], r["layer"])]
        f = features(l["mean"], l["std"], l["saturated_frac"])
        zs = []
        for stat in STATS:
            sd = max(r[stat]["sd"], 1e-3)
            zs.append(abs(f[stat] - r[stat]["mean"]) / sd)
        worst = max(worst, *zs)
        if r["layer"] in (1, DEPTH):
            print(f"{r['activation']:8} {r['init']:12} layer {r['layer']:2}: "
                  f"std Lamina {l['std']:.3g} PyTorch {r['std']:.3g}; z = "
                  + ", ".join(f"{z:.1f}" for z in zs))
    verdict = "agree" if worst <= z_limit else "DISAGREE"
    print(f"largest z over all {len(rows)} rows: {worst:.2f} (limit {z_limit}): {verdict}")
    return worst <= z_limit


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20, help="PyTorch runs to average (default 20)")
    parser.add_argument("--fixture", action="store_true", help=f"write {os.path.relpath(FIXTURE)}")
    parser.add_argument("--compare", metavar="FILE", help="Lamina's init-lab --json output")
    parser.add_argument("--z", type=float, default=4.0, help="agreement limit for --compare")
    args = parser.parse_args()
    torch.set_num_threads(1)
    rows = summarize(args.seeds)
    print_table(rows, args.seeds)
    if args.fixture:
        body = ",\n".join("  " + json.dumps(r) for r in rows)
        text = (f'{{\n "torch": {json.dumps(torch.__version__)},\n "seeds": {args.seeds},\n'
                f' "samples": {SAMPLES},\n "rows": [\n{body}\n ]\n}}\n')
        tmp = FIXTURE + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, FIXTURE)
        print(f"\nwrote {os.path.relpath(FIXTURE)}")
    if args.compare and not compare(rows, args.compare, args.z):
        sys.exit(1)


if __name__ == "__main__":
    main()
