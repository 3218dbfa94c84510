#!/usr/bin/env python3
"""Writes PyTorch's values on fixed inputs as JSON fixtures for the runtime's tests.

The tests (runtime/src/test/java/dev/lamina/.../*PyTorchTest) read these files and check Lamina's
losses, optimizers and reference network against them, so neither the tests nor CI need PyTorch.
Regenerate after changing a case here, and commit the JSON:

    /usr/bin/python3 scripts/pytorch_fixtures.py

Everything is float32 and seeded; running it twice writes identical files. Each number is
written in the shortest decimal form that reads back as the same float32
(Float.parseFloat in Java gives the exact value PyTorch used or produced).
"""

import json
import os
import sys

try:
    import numpy as np
    import torch
except ImportError as e:
    sys.exit(f"needs PyTorch and numpy ({e}); run with a Python that has them, e.g. /usr/bin/python3")

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "runtime", "src", "test",
                   "resources", "fixtures")


def f32(t):
    """A tensor or array as nested lists of Python floats that print as their shortest float32 form."""
    a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    a = a.astype(np.float32)
    if a.ndim == 0:
        return float(str(a))
    return [f32(x) for x in a] if a.ndim > 1 else [float(str(x)) for x in a]


def ints(t):
    return [int(x) for x in (t.tolist() if isinstance(t, torch.Tensor) else t)]


def dumps(value, indent=""):
    """JSON with objects and lists of lists indented, and each list of numbers on one line."""
    inner = indent + " "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {dumps(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[\n" + ",\n".join(inner + dumps(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value)


def write(name, payload):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        f.write(dumps(payload) + "\n")
    print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


def header(description):
    return {
        "generator": "scripts/pytorch_fixtures.py",
        "torch": torch.__version__,
        "dtype": "float32",
        "description": description,
    }


def cross_entropy():
    g = torch.Generator().manual_seed(1)
    # (rows, classes, smoothing, logit scale, huge): huge puts ±1e4 into some logits.
    shapes = [
        (1, 3, 0.0, 1.0, False),
        (4, 5, 0.0, 3.0, False),
        (8, 10, 0.1, 2.0, False),
        (3, 7, 0.3, 1.0, False),
        (5, 4, 0.1, 1.0, True),
        (8, 10, 0.0, 1.0, True),
        (2, 3, 0.3, 1.0, True),
        (6, 6, 0.0, 5.0, False),
    ]
    cases = []
    for rows, classes, eps, scale, huge in shapes:
        logits = torch.randn(rows, classes, generator=g) * scale
        if huge:
            mask = torch.rand(rows, classes, generator=g) < 0.4
            signs = torch.where(torch.rand(rows, classes, generator=g) < 0.5, -1.0, 1.0)
            logits = torch.where(mask, signs * 1e4, logits)
            logits[0, 0] = 1e4  # at least one huge value, and a row whose label may sit far below it
        labels = torch.randint(0, classes, (rows,), generator=g)
        logits = logits.float().requires_grad_(True)
        loss = torch.nn.CrossEntropyLoss(label_smoothing=eps)(logits, labels)
        loss.backward()
        assert torch.isfinite(loss), (rows, classes, eps)
        cases.append({
            "rows": rows, "classes": classes, "smoothing": eps,
            "logits": f32(logits), "labels": ints(labels),
            "loss": f32(loss), "dLogits": f32(logits.grad),
        })
    d = header("torch.nn.CrossEntropyLoss(label_smoothing=smoothing) (reduction mean) of logits "
               "(rows, classes) against integer labels; dLogits = d(mean loss)/d(logits) by autograd.")
    d["cases"] = cases
    write("cross_entropy.json", d)


def mse():
    g = torch.Generator().manual_seed(2)
    cases = []
    for rows, classes in [(1, 3), (4, 5), (8, 10), (3, 7)]:
        outputs = (torch.randn(rows, classes, generator=g) * 0.7).requires_grad_(True)
        labels = torch.randint(0, classes, (rows,), generator=g)
        target = torch.nn.functional.one_hot(labels, classes).float()
        loss = torch.nn.MSELoss()(outputs, target)
        loss.backward()
        cases.append({
            "rows": rows, "classes": classes,
            "outputs": f32(outputs), "labels": ints(labels),
            "loss": f32(loss), "dOutputs": f32(outputs.grad),
        })
    d = header("torch.nn.MSELoss() (mean over rows x classes) of outputs against one_hot(labels); "
               "dOutputs = d(loss)/d(outputs) by autograd.")
    d["cases"] = cases
    write("mse.json", d)


def optimizers():
    g = torch.Generator().manual_seed(3)
    size, steps = 37, 6
    w0 = torch.randn(size, generator=g)
    grads = [torch.randn(size, generator=g) * (0.5 + i) for i in range(steps)]
    configs = [
        ("sgd", {"type": "sgd", "lr": 0.1, "momentum": 0.0, "nesterov": False},
         lambda p: torch.optim.SGD([p], lr=0.1)),
        ("sgd_momentum", {"type": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": False},
         lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9)),
        ("sgd_nesterov", {"type": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": True},
         lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9, nesterov=True)),
        ("adam", {"type": "adam", "lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
         lambda p: torch.optim.Adam([p], lr=1e-3)),
        ("adam_custom", {"type": "adam", "lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6},
         lambda p: torch.optim.Adam([p], lr=0.01, betas=(0.8, 0.99), eps=1e-6)),
    ]
    runs = []
    for name, settings, make in configs:
        p = w0.clone().requires_grad_(True)
        opt = make(p)
        after = []
        for grad in grads:
            p.grad = grad.clone()
            opt.step()
            after.append(f32(p))
        runs.append({"name": name, **settings, "after": after})
    d = header("One parameter tensor of `size` values starts at `initial`; for each gradient in "
               "`gradients`, p.grad = gradient and optimizer.step(). `after[k]` holds the values "
               "after step k + 1. No weight decay, no dampening.")
    d.update({"size": size, "initial": f32(w0), "gradients": [f32(x) for x in grads],
              "optimizers": runs})
    write("optimizers.json", d)


ACTIVATIONS = {
    "IDENTITY": lambda z: z,
    "RELU": torch.relu,
    "TANH": torch.tanh,
    "SIGMOID": torch.sigmoid,
}


def mlp():
    g = torch.Generator().manual_seed(4)
    input_size, rows = 6, 8
    layers = [("h1", 9, "TANH"), ("h2", 7, "RELU"), ("h3", 4, "SIGMOID"), ("out", 5, "IDENTITY")]
    linears = []
    fan_in = input_size
    for name, units, _ in layers:
        lin = torch.nn.Linear(fan_in, units)
        with torch.no_grad():
            lin.weight.copy_(torch.randn(units, fan_in, generator=g) * (1.2 / fan_in ** 0.5))
            lin.bias.copy_(torch.randn(units, generator=g) * 0.3)
        linears.append(lin)
        fan_in = units
    x = torch.randn(rows, input_size, generator=g)
    labels = torch.randint(0, layers[-1][1], (rows,), generator=g)

    def forward():
        h = x
        pre = []
        for lin, (_, _, act) in zip(linears, layers):
            z = lin(h)
            pre.append(z)
            h = ACTIVATIONS[act](z)
        return h, pre

    # The ReLU layer's pre-activations must stay clear of the kink, or the float rounding of
    # either side could pick a different branch.
    _, pre = forward()
    relu_min = min(pre[i].abs().min().item() for i, l in enumerate(layers) if l[2] == "RELU")
    assert relu_min > 1e-3, relu_min

    cases = []
    for case, loss_name, eps in [("ce", "SOFTMAX_CROSS_ENTROPY", 0.0),
                                 ("ce_smooth", "SOFTMAX_CROSS_ENTROPY", 0.1),
                                 ("mse", "MEAN_SQUARED_ERROR", 0.0)]:
        for lin in linears:
            lin.zero_grad(set_to_none=True)
        out, _ = forward()
        if loss_name == "SOFTMAX_CROSS_ENTROPY":
            loss = torch.nn.CrossEntropyLoss(label_smoothing=eps)(out, labels)
        else:
            loss = torch.nn.MSELoss()(out, torch.nn.functional.one_hot(labels, out.shape[1]).float())
        loss.backward()
        grads = {}
        for lin, (name, _, _) in zip(linears, layers):
            grads[name + ".weight"] = f32(lin.weight.grad)
            grads[name + ".bias"] = f32(lin.bias.grad)
        cases.append({"name": case, "loss": loss_name, "smoothing": eps,
                      "value": f32(loss), "gradients": grads})

    params = {}
    for lin, (name, _, _) in zip(linears, layers):
        params[name + ".weight"] = f32(lin.weight)
        params[name + ".bias"] = f32(lin.bias)
    d = header("An MLP without dropout, biases on: input -> Linear + activation per layer. "
               "Weights and weight gradients are in PyTorch's layout (units, fan_in), the TRANSPOSE "
               "of Lamina's (fan_in, units); biases (units). `outputs` is the last layer's output "
               "(the logits). Per case, `value` is the batch-mean loss and `gradients` are "
               "d(mean loss)/d(parameter) by autograd.")
    d.update({
        "layout": "torch",
        "inputSize": input_size, "rows": rows,
        "layers": [{"name": n, "units": u, "activation": a} for n, u, a in layers],
        "parameters": params, "input": f32(x), "labels": ints(labels),
        "outputs": f32(forward()[0]), "cases": cases,
    })
    write("mlp.json", d)


def main():
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    os.makedirs(OUT, exist_ok=True)
    cross_entropy()
    mse()
    optimizers()
    mlp()


if __name__ == "__main__":
    main()
