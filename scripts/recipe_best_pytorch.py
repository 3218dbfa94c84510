#!/usr/bin/env python3
"""`bin/lamina fashion-mlp --recipe best` in PyTorch: the same MLP, optimizer, schedule,
augmentation and split sizes, for the accuracy docs/training.md puts beside Lamina's.

    /usr/bin/python3 scripts/recipe_best_pytorch.py --seed 42 [--threads 2] [--epochs 30]

Prints one JSON line: test_accuracy, epochs, train_seconds, the recipe. Differences from Lamina
that remain: PyTorch's own initialization draws, shuffling and dropout masks, and its own
5,000-image validation split.
"""

import argparse
import gzip
import json
import math
import os
import sys
import time

try:
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as e:
    sys.exit(f"needs PyTorch and numpy ({e}); run with /usr/bin/python3")

DATA = "/usr/share/datasets/fashion-mnist"


def idx(name):
    with gzip.open(os.path.join(DATA, name)) as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def model(hidden, keep_in, keep_hidden):
    layers = [nn.Dropout(1 - keep_in)]
    width = 784
    for h in hidden:
        linear = nn.Linear(width, h)
        nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
        nn.init.zeros_(linear.bias)
        layers += [linear, nn.ReLU(), nn.Dropout(1 - keep_hidden)]
        width = h
    out = nn.Linear(width, 10)
    nn.init.xavier_normal_(out.weight)
    nn.init.zeros_(out.bias)
    return nn.Sequential(*(layers + [out]))


def augment(x, gen, flip_p, shift, shift_p):
    """Horizontal flips and whole-pixel shifts with zero fill, each sample drawn on its own: the
    preset hflip=0.5,crop=0.5:28:28:1 (a 28x28 crop of the image padded by 1 is a shift by -1..1)."""
    n = x.shape[0]
    img = x.view(n, 28, 28)
    flip = torch.rand(n, generator=gen) < flip_p
    img = torch.where(flip[:, None, None], img.flip(2), img)
    if shift > 0:
        padded = F.pad(img, (shift, shift, shift, shift))
        moved = torch.rand(n, generator=gen) < shift_p
        dx = torch.where(moved, torch.randint(0, 2 * shift + 1, (n,), generator=gen), shift)
        dy = torch.where(moved, torch.randint(0, 2 * shift + 1, (n,), generator=gen), shift)
        rows = (torch.arange(28)[None, :] + dy[:, None])
        cols = (torch.arange(28)[None, :] + dx[:, None])
        img = padded[torch.arange(n)[:, None, None], rows[:, :, None], cols[:, None, :]]
    return img.reshape(n, 784)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--hidden", default="1024,512")
    p.add_argument("--keep-in", type=float, default=1.0)
    p.add_argument("--keep-hidden", type=float, default=0.8)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=0.05)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--flip", type=float, default=0.5)
    p.add_argument("--shift", type=int, default=1)
    p.add_argument("--shift-p", type=float, default=0.5)
    p.add_argument("--smoothing", type=float, default=0.0)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    x = torch.tensor(idx("train-images-idx3-ubyte.gz").reshape(-1, 784), dtype=torch.float32) / 255
    y = torch.tensor(idx("train-labels-idx1-ubyte.gz").astype(np.int64))
    tx = torch.tensor(idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784), dtype=torch.float32) / 255
    ty = torch.tensor(idx("t10k-labels-idx1-ubyte.gz").astype(np.int64))
    gen = torch.Generator().manual_seed(a.seed)
    order = torch.randperm(60000, generator=gen)
    train, val = order[5000:], order[:5000]
    net = model([int(h) for h in a.hidden.split(",")], a.keep_in, a.keep_hidden)
    decayed = [p for n, p in net.named_parameters() if n.endswith("weight")]
    others = [p for n, p in net.named_parameters() if not n.endswith("weight")]
    opt = torch.optim.AdamW([{"params": decayed, "weight_decay": a.weight_decay},
                             {"params": others, "weight_decay": 0.0}], lr=a.lr)
    sched = torch.optim.lr_scheduler.SequentialLR(opt, [
        torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=a.warmup),
        torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=a.epochs - a.warmup)],
        milestones=[a.warmup])
    seconds = 0.0
    for epoch in range(a.epochs):
        net.train()
        start = time.time()
        perm = train[torch.randperm(len(train), generator=gen)]
        for i in range(0, len(perm), a.batch):
            rows = perm[i:i + a.batch]
            xb = augment(x[rows], gen, a.flip, a.shift, a.shift_p) if a.flip > 0 or a.shift > 0 else x[rows]
            loss = F.cross_entropy(net(xb), y[rows], label_smoothing=a.smoothing)
            opt.zero_grad()
            loss.backward()
            opt.step()
        sched.step()
        seconds += time.time() - start
        net.eval()
        with torch.no_grad():
            v = (net(x[val]).argmax(1) == y[val]).float().mean().item()
        print(f"epoch {epoch + 1}: validation accuracy {v:.4f}", file=sys.stderr, flush=True)
    net.eval()
    with torch.no_grad():
        acc = (net(tx).argmax(1) == ty).float().mean().item()
    print(json.dumps({"test_accuracy": acc, "epochs": a.epochs, "train_seconds": seconds,
                      "torch": torch.__version__, "threads": a.threads,
                      "recipe": vars(a)}))


if __name__ == "__main__":
    main()
