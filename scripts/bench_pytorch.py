"""The PyTorch side of `bin/lamina bench`: the same MLP (784-256-128-10 with batch norm, ReLU and
dropout), batch sizes and thread count as Lamina.

Run by the launcher with /usr/bin/python3 (Debian's python3-torch). Prints one JSON line:
{"torch": version, "blas": name, "threads": n, "train": {batch: samples/s}, "infer": {...},
 "latency_us": single-sample inference}. Exits with code 3 and a message when torch is missing.
"""
import argparse
import json
import sys
import time

try:
    import torch
    import torch.nn as nn
except ImportError:
    print("PyTorch is not installed for " + sys.executable
          + " (Debian/Ubuntu: apt-get install python3-torch libopenblas0-pthread)", file=sys.stderr)
    sys.exit(3)

import torch_bench  # noqa: E402 (needs torch, checked above)


def blas_library():
    """The BLAS library torch's matrix products load, read from this process's memory map."""
    torch.ones(64, 64) @ torch.ones(64, 64)
    with open("/proc/self/maps") as maps:
        names = {line.split()[-1].rsplit("/", 1)[-1] for line in maps if "blas" in line.lower()}
    for name in sorted(names):
        if "openblas" in name:
            return name
    return ", ".join(sorted(names)) or "unknown"


def model(dropout):
    """Lamina's FashionMlpBn: batch norm before each hidden ReLU, so the hidden layers have no bias.

    Dropout here takes the DROP probability: Lamina's keep 0.9 / 0.8 are p = 0.1 / 0.2.
    """
    return nn.Sequential(
        nn.Dropout(0.1 if dropout else 0.0),
        nn.Linear(784, 256, bias=False), nn.BatchNorm1d(256), nn.ReLU(),
        nn.Dropout(0.2 if dropout else 0.0),
        nn.Linear(256, 128, bias=False), nn.BatchNorm1d(128), nn.ReLU(),
        nn.Dropout(0.2 if dropout else 0.0), nn.Linear(128, 10))


def train_rate(x, y, batch, seconds):
    net = model(True)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    steps = torch_bench.training_steps(net, opt, x, y, batch)
    steps(20, 0)
    done = [20]

    def ten_steps():
        steps(10, done[0])
        done[0] += 10

    return median_rate(ten_steps, 10 * batch, seconds)


def infer_rate(x, batch, seconds):
    net = model(False).eval()
    with torch.no_grad():
        for _ in range(20):
            net(x[:batch])

        def ten_passes():
            for _ in range(10):
                net(x[:batch])

        return median_rate(ten_passes, 10 * batch, seconds)


def median_rate(work, samples, seconds, windows=5):
    """Samples/s of work() (samples per call): after seconds / 2 of warm-up, the median of five
    windows of seconds / 5, exactly as Lamina's side measures."""
    begin = time.perf_counter()
    while time.perf_counter() - begin < seconds / 2:
        work()
    rates = []
    for _ in range(windows):
        calls, begin = 0, time.perf_counter()
        while time.perf_counter() - begin < seconds / windows:
            work()
            calls += 1
        rates.append(calls * samples / (time.perf_counter() - begin))
    rates.sort()
    return rates[windows // 2]


def latency_us(x, repeats=2000):
    net = model(False).eval()  # eval mode: batch norm uses its running statistics
    one = x[:1]
    with torch.no_grad():
        for _ in range(200):
            net(one)
        times = []
        for _ in range(repeats):
            begin = time.perf_counter()
            net(one)
            times.append(time.perf_counter() - begin)
    times.sort()
    return times[len(times) // 2] * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
    parser.add_argument("--batches", default="32,128,512")
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    x = torch.rand(8192, 784)
    y = torch.randint(0, 10, (8192,))
    batches = [int(b) for b in args.batches.split(",")]
    result = {
        "torch": torch.__version__,
        "blas": blas_library(),
        "threads": args.threads,
        "train": {b: train_rate(x, y, b, args.seconds) for b in batches},
        "infer": {b: infer_rate(x, b, args.seconds / 2) for b in batches},
        "latency_us": latency_us(x),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
