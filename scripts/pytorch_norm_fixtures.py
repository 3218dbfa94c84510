#!/usr/bin/env python3
"""Writes PyTorch's batch and layer normalization on fixed inputs as a JSON fixture.

Each case is a small MLP, input 6 → dense 7 with a normalization and an activation in a given
order → dense 5 logits, run for three training batches (running statistics accumulate) and then
once in eval mode. The fixture holds the weights (PyTorch layout), the batches, and PyTorch's
logits, running statistics, eval logits and the gradients of the last batch's mean cross-entropy.
Run with Debian's PyTorch and commit the JSON:

    /usr/bin/python3 scripts/pytorch_norm_fixtures.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_fixtures import f32, ints, write  # noqa: E402

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "identity": nn.Identity}


def case(name, norm, placement, activation, momentum=0.1, bias=False, rows=8, seed=0):
    torch.manual_seed(seed)
    first = nn.Linear(6, 7, bias=bias)
    if norm == "batch":
        normalization = nn.BatchNorm1d(7, eps=1e-5, momentum=momentum)
    else:
        normalization = nn.LayerNorm(7, eps=1e-5)
    with torch.no_grad():  # γ and β away from 1 and 0, so their roles are tested
        normalization.weight.uniform_(0.5, 1.5)
        normalization.bias.uniform_(-0.5, 0.5)
    act = ACTIVATIONS[activation]()
    layers = [first, normalization, act] if placement == "BEFORE_ACTIVATION" else [first, act, normalization]
    last = nn.Linear(7, 5)
    net = nn.Sequential(*layers, last)
    params = {
        "first.weight": first.weight, "first.gamma": normalization.weight,
        "first.beta": normalization.bias, "last.weight": last.weight, "last.bias": last.bias}
    if bias:
        params["first.bias"] = first.bias
    initial = {k: f32(v) for k, v in params.items()}
    batches = [torch.randn(rows, 6) * 2 + 0.5 for _ in range(3)]
    labels = [torch.randint(0, 5, (rows,)) for _ in range(3)]
    net.train()
    for x, y in zip(batches, labels):
        net.zero_grad()
        logits = net(x)
        loss = nn.functional.cross_entropy(logits, y)
        loss.backward()
    result = {
        "name": name, "norm": norm, "placement": placement, "activation": activation,
        "momentum": momentum, "bias": bias, "layout": "torch",
        "parameters": initial,
        "inputs": [f32(x) for x in batches], "labels": [ints(y) for y in labels],
        "train_logits": f32(logits), "loss": f32(loss),
        "gradients": {k: f32(v.grad) for k, v in params.items()},
    }
    if norm == "batch":
        result["running_mean"] = f32(normalization.running_mean)
        result["running_var"] = f32(normalization.running_var)
    net.eval()
    with torch.no_grad():
        result["eval_logits"] = f32(net(batches[0]))
    return result


def main():
    cases = [
        case("batch_before_relu", "batch", "BEFORE_ACTIVATION", "relu"),
        case("batch_before_tanh_cumulative", "batch", "BEFORE_ACTIVATION", "tanh", momentum=None, seed=1),
        case("batch_after_tanh", "batch", "AFTER_ACTIVATION", "tanh", bias=True, seed=2),
        case("batch_before_identity_bias", "batch", "BEFORE_ACTIVATION", "identity", bias=True, seed=3),
        case("batch_two_rows", "batch", "BEFORE_ACTIVATION", "sigmoid", rows=2, seed=4),
        case("layer_before_sigmoid", "layer", "BEFORE_ACTIVATION", "sigmoid", bias=True, seed=5),
        case("layer_after_relu", "layer", "AFTER_ACTIVATION", "relu", bias=True, seed=6),
    ]
    write("normalization.json", {
        "description": "BatchNorm1d and LayerNorm (PyTorch " + torch.__version__ + ") inside "
                       "input 6 → dense 7 + norm + activation → dense 5; three training batches "
                       "then eval on the first batch; gradients of the last batch's mean CE",
        "cases": cases})


if __name__ == "__main__":
    main()
