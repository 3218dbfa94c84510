#!/usr/bin/env python3
"""Writes PyTorch's initialization constants as a JSON fixture for the runtime's tests.

runtime/src/test/java/dev/lamina/init/InitPyTorchTest reads the file and checks Lamina's gains,
fans and the scale of every variance-scaling initializer against it, so the test needs no PyTorch.
Regenerate after changing a case here, and commit the JSON:

    /usr/bin/python3 scripts/init_pytorch_fixtures.py

The scale of an initializer is read from PyTorch itself, not retyped from its formula: the same
seed is drawn once through the initializer and once through the unit distribution (normal_(0, 1)
or uniform_(-1, 1)), and the ratio of the two tensors is the initializer's std (or bound).
"""

import json
import math
import os
import sys

try:
    import torch
    from torch.nn import init
except ImportError as e:
    sys.exit(f"needs PyTorch ({e}); run with a Python that has it, e.g. /usr/bin/python3")

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "runtime", "src", "test",
                   "resources", "fixtures", "init.json")

# Lamina's activation names and PyTorch's calculate_gain names.
ACTIVATIONS = {"IDENTITY": "linear", "SIGMOID": "sigmoid", "TANH": "tanh", "RELU": "relu",
               "LEAKY_RELU": "leaky_relu"}


def scale(draw, unit, shape):
    """The factor between PyTorch's draw and the unit draw of the same seed (median of ratios)."""
    torch.manual_seed(1234)
    w = torch.empty(shape)
    draw(w)
    torch.manual_seed(1234)
    u = torch.empty(shape)
    unit(u)
    keep = u.abs() > 1e-3
    return float((w[keep].double() / u[keep].double()).median())


def normal_unit(t):
    t.normal_(0, 1)


def uniform_unit(t):
    t.uniform_(-1, 1)


def cases():
    out = []
    # (PyTorch weight shape (out, in)) – both orientations, so that fan_in and fan_out differ.
    for shape in [(30, 70), (70, 30)]:
        fan_out, fan_in = shape
        for act, slope in [("IDENTITY", 0), ("SIGMOID", 0), ("TANH", 0), ("RELU", 0),
                           ("LEAKY_RELU", 0.1), ("LEAKY_RELU", 0.3)]:
            name = ACTIVATIONS[act]
            g = init.calculate_gain(name, slope)

            def add(lamina_init, fan_mode, gain, draw, unit):
                out.append({"init": lamina_init, "fan_mode": fan_mode, "gain": gain,
                            "activation": act, "slope": slope, "fan_in": fan_in,
                            "fan_out": fan_out, "scale": scale(draw, unit, shape)})

            # Xavier: PyTorch's gain defaults to 1 (Lamina's AUTO); gain = calculate_gain is ACTIVATION.
            add("XAVIER", "AVERAGE", "AUTO", lambda t: init.xavier_normal_(t), normal_unit)
            add("XAVIER", "AVERAGE", "ACTIVATION", lambda t: init.xavier_normal_(t, gain=g), normal_unit)
            add("XAVIER_UNIFORM", "AVERAGE", "AUTO", lambda t: init.xavier_uniform_(t), uniform_unit)
            add("XAVIER_UNIFORM", "AVERAGE", "ACTIVATION",
                lambda t: init.xavier_uniform_(t, gain=g), uniform_unit)
            for mode in ["fan_in", "fan_out"]:
                lamina_mode = "IN" if mode == "fan_in" else "OUT"
                # He: PyTorch's kaiming with the ReLU family's gain (leaky_relu with the layer's slope).
                he = ("leaky_relu", slope) if act == "LEAKY_RELU" else ("relu", 0)
                add("HE", lamina_mode, "AUTO",
                    lambda t: init.kaiming_normal_(t, a=he[1], mode=mode, nonlinearity=he[0]),
                    normal_unit)
                add("HE_UNIFORM", lamina_mode, "AUTO",
                    lambda t: init.kaiming_uniform_(t, a=he[1], mode=mode, nonlinearity=he[0]),
                    uniform_unit)
                add("HE", lamina_mode, "ACTIVATION",
                    lambda t: init.kaiming_normal_(t, a=slope, mode=mode, nonlinearity=name),
                    normal_unit)
                # LeCun is kaiming with the linear gain 1.
                add("LECUN", lamina_mode, "AUTO",
                    lambda t: init.kaiming_normal_(t, mode=mode, nonlinearity="linear"), normal_unit)
                add("LECUN_UNIFORM", lamina_mode, "AUTO",
                    lambda t: init.kaiming_uniform_(t, mode=mode, nonlinearity="linear"),
                    uniform_unit)
    return out


def compact(fixture):
    """JSON with one array element per line: readable diffs, a tenth of the lines of indent=1."""
    parts = []
    for key, value in fixture.items():
        if isinstance(value, list):
            rows = ",\n".join("  " + json.dumps(v) for v in value)
            parts.append(f" {json.dumps(key)}: [\n{rows}\n ]")
        else:
            parts.append(f" {json.dumps(key)}: {json.dumps(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main():
    gains = [{"activation": act, "slope": slope,
              "gain": init.calculate_gain(ACTIVATIONS[act], slope)}
             for act, slope in [("IDENTITY", 0), ("SIGMOID", 0), ("TANH", 0), ("RELU", 0),
                                ("LEAKY_RELU", 0.01), ("LEAKY_RELU", 0.2)]]
    fans = []
    for out_features, in_features in [(1, 1), (10, 784), (256, 784), (128, 256), (784, 3)]:
        w = torch.nn.Linear(in_features, out_features).weight
        fan_in, fan_out = init._calculate_fan_in_and_fan_out(w)
        fans.append({"in_features": in_features, "out_features": out_features,
                     "fan_in": fan_in, "fan_out": fan_out})
    # trunc_normal_(mean, std, a = mean - 2 std, b = mean + 2 std): the std of what it draws.
    torch.manual_seed(7)
    t = torch.empty(4_000_000, dtype=torch.float64)
    init.trunc_normal_(t, mean=0.0, std=1.0, a=-2.0, b=2.0)
    phi2 = math.exp(-2) / math.sqrt(2 * math.pi)
    exact = math.sqrt(1 - 4 * phi2 / math.erf(2 / math.sqrt(2)))
    fixture = {
        "torch": torch.__version__,
        "gains": gains,
        "fans": fans,
        "scales": cases(),
        "truncated_std_factor": {"closed_form": exact, "pytorch_sample": float(t.std()),
                                 "pytorch_samples": t.numel()},
    }
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        f.write(compact(fixture))
    os.replace(tmp, OUT)
    print(f"wrote {os.path.relpath(OUT)}: {len(gains)} gains, {len(fans)} fans, "
          f"{len(fixture['scales'])} scales; truncated std factor {exact:.12f} "
          f"(PyTorch sample {float(t.std()):.6f})")


if __name__ == "__main__":
    main()
