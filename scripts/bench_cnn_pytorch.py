"""The PyTorch side of `bin/lamina cnn-bench`: Lamina's FashionCnn (two conv-batch
norm-ReLU-max pool blocks, dropout, a dense head with batch norm), or with --model resnet / plain
its FashionResNet (three stages of two basic blocks) / FashionPlain (the same convolutions without
shortcuts), trained with Adam on random 28×28 images at the same batch size and thread count,
after warm-up.

Run with /usr/bin/python3 (Debian's python3-torch). Prints one JSON line:
{"torch": version, "threads": n, "batch": b, "train_samples_per_second": x, "mkldnn": bool}.
With --serve it measures windows on request instead, so that the caller can take them in turn
with its own: after warm-up it prints that line without the rate, then answers each line
"window SECONDS" read from stdin with {"train_samples_per_second": x}, until stdin ends.
Exits with code 3 and a message when torch is missing.
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
          + " (Debian/Ubuntu: apt-get install python3-torch)", file=sys.stderr)
    sys.exit(3)

import torch_bench  # noqa: E402 (needs torch, checked above)


def model():
    """FashionCnn in PyTorch; Lamina's keep 0.75 / 0.5 are dropout p = 0.25 / 0.5.

    A convolution or dense layer right before batch norm has no bias, as in Lamina.
    """
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        nn.Dropout(0.25), nn.Flatten(),
        nn.Linear(64 * 7 * 7, 128, bias=False), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(128, 10))


def conv_bn(c_in, c_out, stride=1, kernel=3):
    return [nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=kernel // 2, bias=False),
            nn.BatchNorm2d(c_out)]


class Block(nn.Module):
    """A basic block: relu(shortcut(x) + bn(conv(relu(bn(conv(x)))))), the shortcut projected by
    a strided 1×1 convolution and batch norm where the shape changes, as FashionResNet's."""

    def __init__(self, c_in, c_out, stride, skip):
        super().__init__()
        self.branch = nn.Sequential(*conv_bn(c_in, c_out, stride), nn.ReLU(), *conv_bn(c_out, c_out))
        self.skip = skip
        self.shortcut = nn.Sequential(*conv_bn(c_in, c_out, stride, kernel=1)) \
            if skip and (stride != 1 or c_in != c_out) else nn.Identity()

    def forward(self, x):
        y = self.branch(x)
        return torch.relu(y + self.shortcut(x) if self.skip else y)


def resnet(skip):
    """FashionResNet (skip) or FashionPlain (no skip): stem, 16/32/64 channels at 28/14/7."""
    stages = [(16, 16, 1), (16, 16, 1), (16, 32, 2), (32, 32, 1), (32, 64, 2), (64, 64, 1)]
    return nn.Sequential(*conv_bn(1, 16), nn.ReLU(),
                         *[Block(i, o, s, skip) for i, o, s in stages],
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10))


MODELS = {"cnn": model, "resnet": lambda: resnet(True), "plain": lambda: resnet(False)}


def trainer(batch, name="cnn"):
    """A function that trains for a window of the given seconds and returns samples/s; warmed up."""
    torch.manual_seed(0)
    x = torch.rand(4096, 1, 28, 28)
    y = torch.randint(0, 10, (4096,))
    net = MODELS[name]()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    steps = torch_bench.training_steps(net, opt, x, y, batch)
    steps(10, 0)
    done = [0]

    def window(seconds):
        count, begin = 0, time.perf_counter()
        while time.perf_counter() - begin < seconds:
            steps(2, done[0] + count)
            count += 2
        done[0] += count
        return count * batch / (time.perf_counter() - begin)

    return window


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--model", choices=sorted(MODELS), default="cnn")
    parser.add_argument("--cpu", type=int, help="hold the process to this CPU (cnn-bench's"
                        " one-thread windows, where Lamina's measuring thread is held to it too)")
    parser.add_argument("--serve", action="store_true",
                        help="measure windows on request: 'window SECONDS' lines on stdin")
    args = parser.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    torch.set_num_threads(args.threads)
    result = {
        "torch": torch.__version__,
        "threads": args.threads,
        "batch": args.batch,
        "mkldnn": torch.backends.mkldnn.is_available(),
        "model": args.model,
    }
    window = trainer(args.batch, args.model)
    if args.serve:
        print(json.dumps(result), flush=True)
        for line in sys.stdin:
            seconds = float(line.split()[1])
            print(json.dumps({"train_samples_per_second": window(seconds)}), flush=True)
        return
    result["train_samples_per_second"] = window(args.seconds)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
