#!/usr/bin/env python3
"""Writes PyTorch's weight-decay arithmetic on fixed steps as a JSON fixture for the runtime's tests.

runtime/src/test/java/dev/lamina/train/WeightDecayPyTorchTest reads the file and runs Lamina's
optimizers with the same weight decay on the same gradients, so neither the tests nor CI need
PyTorch. Regenerate after changing a case here, and commit the JSON:

    /usr/bin/python3 scripts/pytorch_regularization_fixtures.py

Two tensors play a dense layer's weight (decayed, with factor `scale`) and its bias (not
decayed), as torch.optim parameter groups with and without weight_decay. L2 uses the optimizers'
own weight_decay; decoupled decay is torch.optim.AdamW; L1 has no optimizer option in PyTorch, so
its gradient comes from autograd on l1 * scale * weight.abs().sum() added to the data term (the
gradient of abs at 0 is 0 in PyTorch, and some weights start at exactly 0 with a zero data
gradient to pin that down).
"""

import os
import sys

try:
    import torch
except ImportError as e:
    sys.exit(f"needs PyTorch ({e}); run with a Python that has it, e.g. /usr/bin/python3")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_fixtures import f32, header, write  # noqa: E402  (same number format and layout)

STEPS = 5
WEIGHTS = 37
BIASES = 5
ZEROS = [3, 20, 36]  # weights that start at 0 and get no data gradient: L1's kink


def data():
    g = torch.Generator().manual_seed(5)
    w0 = torch.randn(WEIGHTS, generator=g) * 0.5
    b0 = torch.randn(BIASES, generator=g) * 0.5
    w0[ZEROS] = 0.0
    gw = [torch.randn(WEIGHTS, generator=g) * (0.3 + 0.2 * i) for i in range(STEPS)]
    gb = [torch.randn(BIASES, generator=g) * 0.3 for _ in range(STEPS)]
    for grad in gw:
        grad[ZEROS] = 0.0
    return w0, b0, gw, gb


# name, optimizer settings for Lamina, decay settings for Lamina, torch optimizer factory
CASES = [
    ("sgd_l2", {"type": "sgd", "lr": 0.1, "momentum": 0.0}, {"l1": 0.0, "l2": 0.05, "decoupled": 0.0, "scale": 1.0},
     lambda groups: torch.optim.SGD(groups, lr=0.1)),
    ("sgd_momentum_l2_scaled", {"type": "sgd", "lr": 0.05, "momentum": 0.9}, {"l1": 0.0, "l2": 0.02, "decoupled": 0.0, "scale": 2.5},
     lambda groups: torch.optim.SGD(groups, lr=0.05, momentum=0.9)),
    ("adam_l2", {"type": "adam", "lr": 0.01}, {"l1": 0.0, "l2": 0.1, "decoupled": 0.0, "scale": 1.0},
     lambda groups: torch.optim.Adam(groups, lr=0.01)),
    ("adamw", {"type": "adam", "lr": 0.01}, {"l1": 0.0, "l2": 0.0, "decoupled": 0.1, "scale": 1.0},
     lambda groups: torch.optim.AdamW(groups, lr=0.01)),
    ("adamw_scaled", {"type": "adam", "lr": 0.02}, {"l1": 0.0, "l2": 0.0, "decoupled": 0.3, "scale": 0.5},
     lambda groups: torch.optim.AdamW(groups, lr=0.02)),
    ("sgd_l1", {"type": "sgd", "lr": 0.1, "momentum": 0.0}, {"l1": 0.03, "l2": 0.0, "decoupled": 0.0, "scale": 1.0},
     lambda groups: torch.optim.SGD(groups, lr=0.1)),
    ("adam_l1", {"type": "adam", "lr": 0.01}, {"l1": 0.02, "l2": 0.0, "decoupled": 0.0, "scale": 1.0},
     lambda groups: torch.optim.Adam(groups, lr=0.01)),
    ("sgd_momentum_l1_l2", {"type": "sgd", "lr": 0.05, "momentum": 0.9}, {"l1": 0.01, "l2": 0.05, "decoupled": 0.0, "scale": 1.0},
     lambda groups: torch.optim.SGD(groups, lr=0.05, momentum=0.9)),
]


def run(decay, make, w0, b0, gw, gb):
    w = w0.clone().requires_grad_(True)
    b = b0.clone().requires_grad_(True)
    scale = decay["scale"]
    # L2 and decoupled decay are the optimizer's own weight_decay (AdamW's is decoupled).
    weight_decay = (decay["l2"] + decay["decoupled"]) * scale
    opt = make([{"params": [w], "weight_decay": weight_decay}, {"params": [b], "weight_decay": 0.0}])
    after_w, after_b = [], []
    for grad_w, grad_b in zip(gw, gb):
        opt.zero_grad(set_to_none=True)
        # The data term's gradient is exactly grad_w / grad_b; L1 comes from autograd on abs.
        loss = (grad_w * w).sum() + (grad_b * b).sum() + decay["l1"] * scale * w.abs().sum()
        loss.backward()
        opt.step()
        after_w.append(f32(w))
        after_b.append(f32(b))
    return after_w, after_b


def main():
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    w0, b0, gw, gb = data()
    cases = []
    for name, optimizer, decay, make in CASES:
        after_w, after_b = run(decay, make, w0, b0, gw, gb)
        cases.append({"name": name, "optimizer": optimizer, "decay": decay,
                      "weightAfter": after_w, "biasAfter": after_b})
    d = header("A weight (decayed, factor `scale`) and a bias (not decayed) start at "
               "weightInitial / biasInitial; for each step k the data gradient is "
               "weightGradients[k] / biasGradients[k], then optimizer.step(). L2 and decoupled "
               "decay use torch.optim's weight_decay = lambda * scale (AdamW for decoupled); L1 "
               "adds l1 * scale * |w|.sum() to the loss. `weightAfter[k]` / `biasAfter[k]` hold "
               "the values after step k + 1.")
    d["generator"] = "scripts/pytorch_regularization_fixtures.py"
    d.update({"zeros": ZEROS, "weightInitial": f32(w0), "biasInitial": f32(b0),
              "weightGradients": [f32(x) for x in gw], "biasGradients": [f32(x) for x in gb],
              "cases": cases})
    write("weight_decay.json", d)


if __name__ == "__main__":
    main()
