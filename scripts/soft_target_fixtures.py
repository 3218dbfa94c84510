#!/usr/bin/env python3
"""Writes PyTorch's losses against soft (probability) targets, as mixup makes them, to
runtime/src/test/resources/fixtures/soft_targets.json for SoftTargetLossesPyTorchTest.

    /usr/bin/python3 scripts/soft_target_fixtures.py

Targets are mixup blends lam*onehot(a) + (1-lam)*onehot(b) with lam >= 1/2, plus a one-hot row.
Float32 and seeded: running it twice writes identical files. Numbers are written in the shortest
decimal form that reads back as the same float32.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_fixtures import f32, header, write  # noqa: E402  (same format as the other fixtures)

import torch  # noqa: E402


def mixup_targets(g, rows, classes):
    a = torch.randint(0, classes, (rows,), generator=g)
    b = torch.randint(0, classes, (rows,), generator=g)
    lam = 0.5 + 0.5 * torch.rand(rows, generator=g)
    lam[0] = 1.0  # an unblended row
    t = torch.zeros(rows, classes)
    t[torch.arange(rows), a] += lam
    t[torch.arange(rows), b] += 1 - lam
    return t.float()


def main():
    g = torch.Generator().manual_seed(6)
    cross_entropy = []
    for rows, classes, eps, scale in [(3, 4, 0.0, 1.0), (8, 10, 0.0, 3.0), (5, 7, 0.1, 2.0),
                                      (6, 10, 0.3, 1.0)]:
        logits = (torch.randn(rows, classes, generator=g) * scale).float().requires_grad_(True)
        targets = mixup_targets(g, rows, classes)
        loss = torch.nn.CrossEntropyLoss(label_smoothing=eps)(logits, targets)
        loss.backward()
        cross_entropy.append({"rows": rows, "classes": classes, "smoothing": eps,
                              "logits": f32(logits), "targets": f32(targets),
                              "loss": f32(loss), "dLogits": f32(logits.grad)})
    mse = []
    for rows, classes in [(3, 4), (8, 10)]:
        outputs = torch.randn(rows, classes, generator=g).float().requires_grad_(True)
        targets = mixup_targets(g, rows, classes)
        loss = torch.nn.MSELoss()(outputs, targets)
        loss.backward()
        mse.append({"rows": rows, "classes": classes, "outputs": f32(outputs),
                    "targets": f32(targets), "loss": f32(loss), "dOutputs": f32(outputs.grad)})
    d = header("torch.nn.CrossEntropyLoss(label_smoothing=smoothing) and torch.nn.MSELoss() "
               "(reduction mean) against probability targets (mixup blends); gradients of the "
               "mean loss by autograd.")
    d["generator"] = "scripts/soft_target_fixtures.py"
    d["cross_entropy"] = cross_entropy
    d["mse"] = mse
    write("soft_targets.json", d)


if __name__ == "__main__":
    main()
