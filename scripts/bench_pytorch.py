"""The PyTorch side of `bin/lamina bench`: the same MLP (784-256-128-10 with batch norm, ReLU and
dropout), batch sizes and thread count as Lamina.

Run by the launcher with /usr/bin/python3 (Debian's python3-torch), one process per thread count.
It warms up a trainer and an inference pass for each batch size, prints one JSON line
{"torch": version, "blas": name, "threads": n}, then measures windows on request, so that the
bench takes them in turn with Lamina's; for each line read from stdin:
  "train BATCH SECONDS"  prints {"train_samples_per_second": x}
  "infer BATCH SECONDS"  prints {"infer_samples_per_second": x}
  "latency"              prints {"latency_us": the median single-sample inference}
until stdin ends. Exits with code 3 and a message when torch is missing.
"""
import argparse
import json
import os
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


def trainer(x, y, batch):
    """window(seconds): training samples/s over one window, the steps going on from the last."""
    net = model(True)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    steps = torch_bench.training_steps(net, opt, x, y, batch)
    steps(20, 0)
    done = [20]

    def ten_steps():
        steps(10, done[0])
        done[0] += 10

    return lambda seconds: rate(ten_steps, 10 * batch, seconds)


def inferrer(x, batch):
    """window(seconds): inference samples/s over one window."""
    net = model(False).eval()

    def ten_passes():
        with torch.no_grad():
            for _ in range(10):
                net(x[:batch])

    ten_passes()
    return lambda seconds: rate(ten_passes, 10 * batch, seconds)


def rate(work, samples, seconds):
    """Samples/s of work() (samples per call), called until `seconds` have passed."""
    calls, begin = 0, time.perf_counter()
    while True:
        work()
        calls += 1
        elapsed = time.perf_counter() - begin
        if elapsed >= seconds:
            return calls * samples / elapsed


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
    parser.add_argument("--cpu", type=int, help="hold the process to this CPU (bench's one-thread"
                        " windows, where Lamina's measuring thread is held to it too)")
    args = parser.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    x = torch.rand(8192, 784)
    y = torch.randint(0, 10, (8192,))
    batches = [int(b) for b in args.batches.split(",")]
    windows = {}
    for b in batches:
        windows["train", b] = trainer(x, y, b)
        windows["infer", b] = inferrer(x, b)
    print(json.dumps({"torch": torch.__version__, "blas": blas_library(), "threads": args.threads}),
          flush=True)
    for line in sys.stdin:
        words = line.split()
        if words[0] == "latency":
            print(json.dumps({"latency_us": latency_us(x)}), flush=True)
        else:
            rate_of = windows[words[0], int(words[1])](float(words[2]))
            print(json.dumps({words[0] + "_samples_per_second": rate_of}), flush=True)


if __name__ == "__main__":
    main()
