#!/usr/bin/env python3
"""Writes PyTorch's regression, sigmoid and class-weighted losses to
runtime/src/test/resources/fixtures/task_losses.json for TaskLossesPyTorchTest.

    /usr/bin/python3 scripts/task_loss_fixtures.py

Each case holds the network outputs, the targets, PyTorch's batch loss and the gradient of that
loss with respect to the outputs (autograd). Lamina's losses are means over rows (and outputs),
and class weights multiply each sample's loss (Keras's class_weight), so the weighted cases use
reduction="sum" divided by the rows: PyTorch's own weighted losses, averaged over samples.
Float32 and seeded: running it twice writes identical files.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_fixtures import f32, header, ints, write  # noqa: E402  (the fixtures' format)

import torch  # noqa: E402


def case(loss_fn, outputs, torch_targets, **extra):
    outputs = outputs.float().detach().requires_grad_(True)
    loss = loss_fn(outputs, torch_targets)
    loss.backward()
    rows, width = outputs.shape
    d = {"rows": rows, "width": width, "outputs": f32(outputs)}
    d.update(extra)
    d["loss"] = f32(loss)
    d["dOutputs"] = f32(outputs.grad)
    return d


def main():
    g = torch.Generator().manual_seed(17)
    regression = []
    for loss_name, fn in [("MEAN_SQUARED_ERROR", torch.nn.MSELoss()),
                          ("MEAN_ABSOLUTE_ERROR", torch.nn.L1Loss()),
                          ("HUBER", torch.nn.HuberLoss(delta=1.0))]:
        for rows, width, scale in [(1, 1, 1.0), (6, 1, 3.0), (5, 3, 2.0)]:
            outputs = torch.randn(rows, width, generator=g) * scale
            targets = torch.randn(rows, width, generator=g) * scale
            targets[0, 0] = outputs[0, 0]  # d = 0: L1's gradient is 0 there
            if rows > 1:
                targets[1, 0] = outputs[1, 0] + 1.0  # |d| = δ: Huber's two branches meet
            c = case(fn, outputs, targets.float(), lossName=loss_name, targets=f32(targets))
            regression.append(c)

    binary = []
    for rows, scale, weights in [(4, 1.0, None), (9, 6.0, None), (7, 2.0, [0.3, 2.5])]:
        logits = torch.randn(rows, 1, generator=g) * scale
        labels = torch.randint(0, 2, (rows,), generator=g)
        labels[0], labels[1] = 0, 1
        if rows > 4:
            logits[2, 0], logits[3, 0] = 40.0, -40.0  # saturated: log1p(exp(-|z|)) keeps them exact
        if weights is None:
            fn = torch.nn.BCEWithLogitsLoss()
            extra = {}
        else:
            w = torch.tensor(weights)[labels].unsqueeze(1)
            fn = torch.nn.BCEWithLogitsLoss(weight=w)  # mean over rows of w·bce
            extra = {"classWeights": weights}
        binary.append(case(fn, logits, labels.float().unsqueeze(1), labels=ints(labels), **extra))

    multi_label = []
    for rows, width, scale in [(3, 2, 1.0), (6, 5, 3.0)]:
        logits = torch.randn(rows, width, generator=g) * scale
        flags = (torch.rand(rows, width, generator=g) < 0.4).float()
        multi_label.append(case(torch.nn.BCEWithLogitsLoss(), logits, flags, targets=f32(flags)))

    weighted = []
    for rows, classes, weights in [(5, 3, [1.0, 2.0, 0.5]), (12, 4, [0.25, 4.0, 1.0, 1.5])]:
        logits = torch.randn(rows, classes, generator=g) * 2
        labels = torch.randint(0, classes, (rows,), generator=g)
        w = torch.tensor(weights)
        ce = torch.nn.CrossEntropyLoss(weight=w, reduction="sum")
        c = case(lambda o, t: ce(o, t) / rows, logits, labels, labels=ints(labels),
                 classWeights=weights)
        c["pytorchMeanLoss"] = f32(torch.nn.CrossEntropyLoss(weight=w)(logits, labels))
        weighted.append(c)

    # HuberLoss(delta=δ) beyond the default; its own generator keeps the cases above as they were.
    huber = []
    gd = torch.Generator().manual_seed(1717)
    for delta, rows, width, scale in [(0.25, 4, 2, 1.0), (2.5, 6, 3, 4.0), (10.0, 5, 1, 20.0)]:
        outputs = torch.randn(rows, width, generator=gd) * scale
        targets = torch.randn(rows, width, generator=gd) * scale
        targets[0, 0] = outputs[0, 0] + delta  # |d| = δ: the two branches meet
        huber.append(case(torch.nn.HuberLoss(delta=delta), outputs, targets.float(), delta=delta,
                          targets=f32(targets)))

    d = header("torch.nn.MSELoss, L1Loss, HuberLoss(delta=1) against float targets; "
               "huber_delta: HuberLoss(delta=delta); "
               "BCEWithLogitsLoss with one logit against labels 0/1 (weighted: weight = "
               "classWeights[label] per row) and with k logits against 0/1 flags; "
               "CrossEntropyLoss(weight=classWeights, reduction='sum') / rows. "
               "dOutputs = d(loss)/d(outputs) by autograd.")
    d["generator"] = "scripts/task_loss_fixtures.py"
    d["regression"] = regression
    d["binary"] = binary
    d["multi_label"] = multi_label
    d["weighted_cross_entropy"] = weighted
    d["huber_delta"] = huber
    write("task_losses.json", d)


if __name__ == "__main__":
    main()
