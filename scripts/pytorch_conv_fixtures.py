#!/usr/bin/env python3
"""Writes PyTorch's convolutions, pooling and image normalizations on fixed inputs as a JSON fixture.

Each case is a small CNN on (2, 7, 6) images: conv1 (a Conv2d with the case's stride, padding and
dilation) → a normalization (BatchNorm2d, LayerNorm over (C, H, W), InstanceNorm2d with affine, or
GroupNorm) before or after an activation → a pooling (MaxPool2d, AvgPool2d, AdaptiveAvgPool2d(1),
Upsample(nearest) or
none) → conv2 (a Conv2d with an activation) → flatten → Linear to 3 logits. Three training batches
run (running statistics accumulate), then the first batch once in eval mode. The fixture holds the
weights (PyTorch layout), the batches, and PyTorch's logits, loss, gradients of the last batch's mean
cross-entropy, running statistics and eval logits. Lamina stores a convolution's weight as
(filters, kh, kw, in), images as (H, W, C) inside the network, and flattens (H, W, C): the Java side
(runtime's ConvolutionCase) converts. Run with Debian's PyTorch and commit the JSON:

    /usr/bin/python3 scripts/pytorch_conv_fixtures.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_fixtures import f32, ints, write  # noqa: E402

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

IN = (2, 7, 6)


def activation(name, slope):
    return {"relu": nn.ReLU(), "tanh": nn.Tanh(), "sigmoid": nn.Sigmoid(), "identity": nn.Identity(),
            "leaky_relu": nn.LeakyReLU(slope)}[name]


def side(n, k, s, p, d):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def case(name, conv1, norm, act, pool, conv2, rows=4, seed=0, slope=0.1):
    torch.manual_seed(seed)
    c, h, w = IN
    first = nn.Conv2d(c, conv1["filters"], conv1["kernel"], stride=conv1["stride"],
                      padding=conv1["padding"], dilation=conv1["dilation"], bias=conv1["bias"])
    f = conv1["filters"]
    h = side(h, conv1["kernel"], conv1["stride"], conv1["padding"], conv1["dilation"])
    w = side(w, conv1["kernel"], conv1["stride"], conv1["padding"], conv1["dilation"])
    kind = norm["kind"]
    if kind == "batch":
        normalization = nn.BatchNorm2d(f, eps=1e-5, momentum=0.1)
    elif kind == "layer":
        normalization = nn.LayerNorm([f, h, w], eps=1e-5)
    elif kind == "instance":
        normalization = nn.InstanceNorm2d(f, eps=1e-5, affine=True)
    else:
        normalization = nn.GroupNorm(norm["groups"], f, eps=1e-5)
    with torch.no_grad():  # γ and β away from 1 and 0, so their roles are tested
        normalization.weight.uniform_(0.5, 1.5)
        normalization.bias.uniform_(-0.5, 0.5)
    a = activation(act, slope)
    layers = [first, normalization, a] if norm["placement"] == "BEFORE_ACTIVATION" else [first, a, normalization]
    if pool is not None:
        if pool["kind"] == "max":
            layers.append(nn.MaxPool2d(pool["kernel"], stride=pool["stride"]))
        elif pool["kind"] == "avg":
            layers.append(nn.AvgPool2d(pool["kernel"], stride=pool["stride"]))
        elif pool["kind"] == "up":
            layers.append(nn.Upsample(scale_factor=pool["kernel"], mode="nearest"))
        else:
            layers.append(nn.AdaptiveAvgPool2d(1))
        if pool["kind"] == "global":
            h, w = 1, 1
        elif pool["kind"] == "up":
            h, w = h * pool["kernel"], w * pool["kernel"]
        else:
            h = side(h, pool["kernel"], pool["stride"], 0, 1)
            w = side(w, pool["kernel"], pool["stride"], 0, 1)
    second = nn.Conv2d(f, conv2["filters"], conv2["kernel"], stride=conv2["stride"],
                       padding=conv2["padding"], dilation=conv2["dilation"], bias=conv2["bias"])
    h = side(h, conv2["kernel"], conv2["stride"], conv2["padding"], conv2["dilation"])
    w = side(w, conv2["kernel"], conv2["stride"], conv2["padding"], conv2["dilation"])
    last = nn.Linear(conv2["filters"] * h * w, 3)
    layers += [second, activation(conv2["activation"], slope), nn.Flatten(), last]
    net = nn.Sequential(*layers)
    params = {"conv1.weight": first.weight, "conv1.gamma": normalization.weight,
              "conv1.beta": normalization.bias, "conv2.weight": second.weight,
              "last.weight": last.weight, "last.bias": last.bias}
    if conv1["bias"]:
        params["conv1.bias"] = first.bias
    if conv2["bias"]:
        params["conv2.bias"] = second.bias
    initial = {k: f32(v.reshape(-1)) for k, v in params.items()}
    batches = [torch.randn(rows, *IN) * 1.5 + 0.3 for _ in range(3)]
    labels = [torch.randint(0, 3, (rows,)) for _ in range(3)]
    net.train()
    for x, y in zip(batches, labels):
        net.zero_grad()
        logits = net(x)
        loss = nn.functional.cross_entropy(logits, y)
        loss.backward()
    result = {
        "name": name, "input": list(IN), "conv1": conv1, "norm": norm, "activation": act,
        "slope": slope, "pool": pool, "conv2": conv2, "conv2_shape": [conv2["filters"], h, w],
        "rows": rows, "layout": "torch",
        "parameters": initial,
        "inputs": [f32(x.reshape(rows, -1)) for x in batches], "labels": [ints(y) for y in labels],
        "train_logits": f32(logits), "loss": f32(loss),
        "gradients": {k: f32(v.grad.reshape(-1)) for k, v in params.items()},
    }
    if kind == "batch":
        result["running_mean"] = f32(normalization.running_mean)
        result["running_var"] = f32(normalization.running_var)
    net.eval()
    with torch.no_grad():
        result["eval_logits"] = f32(net(batches[0]))
    return result


def conv(filters, kernel, stride=1, padding=0, dilation=1, bias=True, act=None):
    d = {"filters": filters, "kernel": kernel, "stride": stride, "padding": padding,
         "dilation": dilation, "bias": bias}
    if act is not None:
        d["activation"] = act
    return d


def norm(kind, placement="BEFORE_ACTIVATION", groups=0):
    return {"kind": kind, "placement": placement, "groups": groups}


def pool(kind, kernel=0, stride=0):
    return {"kind": kind, "kernel": kernel, "stride": stride}


def main():
    cases = [
        case("batch_relu_max", conv(4, 3, padding=1, bias=False), norm("batch"), "relu",
             pool("max", 2, 2), conv(3, 2, act="tanh"), seed=1),
        case("batch_after_tanh_avg", conv(4, 3, stride=2, padding=1), norm("batch", "AFTER_ACTIVATION"),
             "tanh", pool("avg", 2, 1), conv(3, 1, act="relu"), seed=2),
        case("batch_one_row", conv(4, 3, padding=1, bias=False), norm("batch"), "sigmoid",
             None, conv(2, 3, stride=2, act="identity"), rows=1, seed=3),
        case("layer_sigmoid_global", conv(4, 3, padding=2, dilation=2), norm("layer"), "sigmoid",
             pool("global"), conv(3, 1, act="tanh"), seed=4),
        case("instance_relu_overlapping_max", conv(4, 2, padding=1), norm("instance"), "relu",
             pool("max", 3, 2), conv(3, 2, padding=1, bias=False, act="sigmoid"), seed=5),
        case("group_after_leaky", conv(4, 3, padding=1), norm("group", "AFTER_ACTIVATION", 2),
             "leaky_relu", pool("avg", 2, 2), conv(3, 2, padding=1, act="relu"), seed=6),
        case("batch_relu_upsample", conv(3, 3, stride=2, padding=1, bias=False), norm("batch"), "relu",
             pool("up", 2), conv(3, 3, padding=1, act="tanh"), seed=7),
        # conv2 reads 16 channels, 3×3, stride 1: Lamina takes Winograd's F(2×2, 3×3) there
        case("batch_relu_winograd", conv(16, 3, padding=1, bias=False), norm("batch"), "relu",
             None, conv(3, 3, padding=1, act="tanh"), seed=8),
    ]
    write("convolution.json", {
        "description": "Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d(1), Upsample(nearest), BatchNorm2d, LayerNorm, "
                       "InstanceNorm2d(affine) and GroupNorm (PyTorch " + torch.__version__ + ") in "
                       "(2, 7, 6) → conv1 + norm + activation → pool → conv2 + activation → linear 3; "
                       "three training batches then eval on the first; gradients of the last batch's "
                       "mean CE; weights in PyTorch's layout",
        "cases": cases})


if __name__ == "__main__":
    main()
