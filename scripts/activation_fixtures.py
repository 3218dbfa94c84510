#!/usr/bin/env python3
"""Writes PyTorch's GELU (exact and tanh form), SiLU, ELU, SELU, softplus and hard-swish on fixed inputs as a JSON
fixture, for ActivationsPyTorchTest: each activation's value and derivative (autograd of the sum)
at every input, once computed in float64 (the exact value to check Lamina's double reference
against) and once in float32 (what Lamina's float kernels are compared with). The inputs cover
both tails, the kinks (0, ±3), softplus' threshold (20) and tiny values. Run with Debian's
PyTorch and commit the JSON:

    /usr/bin/python3 scripts/activation_fixtures.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_fixtures import f32, write  # noqa: E402

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

ACTIVATIONS = {"GELU": nn.GELU(), "GELU_TANH": nn.GELU(approximate="tanh"), "SILU": nn.SiLU(), "ELU": nn.ELU(), "SELU": nn.SELU(),
               "SOFTPLUS": nn.Softplus(), "HARDSWISH": nn.Hardswish()}


def inputs():
    xs = [0.0, 1e-30, -1e-30, 1e-7, -1e-7, 1e-4, -1e-4, 0.01, -0.01, 0.3, -0.3, 0.34, -0.34,
          0.5, -0.5, 1.0, -1.0, 2.5, -2.5, 2.999, -2.999, 3.0, -3.0, 3.001, -3.001, 5.0, -5.0,
          8.0, -8.0, 10.0, -10.0, 15.0, -15.0, 19.99, 20.0, 20.01, -20.0, 30.0, -30.0, 50.0,
          -50.0, 87.0, -87.0, 100.0, -100.0]
    g = torch.Generator().manual_seed(0)
    xs += (torch.randn(200, generator=g, dtype=torch.float64) * 4).tolist()
    # as float32 numbers, so both precisions see the same inputs
    return torch.tensor(xs, dtype=torch.float32)


def evaluate(module, x, dtype):
    x = x.to(dtype).clone().requires_grad_(True)
    y = module(x)
    y.sum().backward()
    return y.detach(), x.grad.detach()


def main():
    x = inputs()
    cases = {}
    for name, module in ACTIVATIONS.items():
        y64, d64 = evaluate(module, x, torch.float64)
        y32, d32 = evaluate(module, x, torch.float32)
        cases[name] = {"value64": y64.tolist(), "derivative64": d64.tolist(),
                       "value32": f32(y32), "derivative32": f32(d32)}
    write("activations.json", {
        "generator": "scripts/activation_fixtures.py",
        "torch": torch.__version__,
        "description": "torch.nn activations and their derivatives at x, in float64 and float32",
        "x": f32(x),
        "cases": cases,
    })


if __name__ == "__main__":
    main()
