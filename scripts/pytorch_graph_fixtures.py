#!/usr/bin/env python3
"""Writes small graph networks' PyTorch values on fixed inputs as a JSON fixture.

The first case is examples' GraphTestModels.Residual, on (2, 8, 8) images: a stem (conv + batch norm
+ ReLU), an identity block (two 3×3 convolutions, the second's batch norm without ReLU, added to
the stem's output, then ReLU), a block that halves the image (a stride-2 3×3 convolution, a 3×3
convolution, and a shortcut through a strided 1×1 convolution with batch norm, added, then ReLU),
a branch that max-pools the first block's output, the two concatenated along channels, global
average pooling and a Linear layer to 3 logits. Every batch norm's γ, β and running statistics
start away from 1 and 0 (so the branches' last γ are not 0 or 1). The second is
GraphTestModels.ConcatHead, on (1, 6, 6) images: a convolution, a batch-normalized one reading the
input too, and the input itself concatenated along channels, flattened into a Linear layer (the
layout of a dense weight after a concatenation). The third is GraphTestModels.FlatGraph: two
Linear branches and the input concatenated along features, a BatchNorm1d layer over them summed
with a branch under leaky ReLU of slope 0.2, and the logits. The fourth is
GraphTestModels.InputReaders: a two-channel input read by a convolution (then global average
pooling and a Linear layer) and by a Linear layer over its flattened pixels, the two summed.

Each is written twice here: once as a plain nn.Module (nn.Conv2d, nn.BatchNorm2d, torchvision's
BasicBlock pattern `relu(bn2(conv2(...)) + shortcut(x))`, torch.cat), and once as the twin that
scripts/lamina_torch.py builds from the layer descriptions a Lamina file carries; the script
checks that both compute the same thing before writing, so the fixture also vouches for the twin.

Three training batches run (running statistics accumulate), then the first batch once in eval mode.
The fixture holds two safetensors files as PyTorch's side writes them (a state_dict under Lamina's
names, PyTorch's layouts), which the Java test loads with Lamina's own ModelFile.load:
  weights: the parameters and running statistics before training, with the layer descriptions in
           the metadata (lamina.layers), which Lamina checks against its own model when loading;
  after:   the same names, each parameter replaced by its gradient of the last batch's mean
           cross-entropy, and the running statistics after the three batches;
and the batches, labels, training logits and loss of the last batch, and the eval logits.
Run with Debian's PyTorch and commit the JSON:

    /usr/bin/python3 scripts/pytorch_graph_fixtures.py
"""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_fixtures import dumps, f32, ints  # noqa: E402
import lamina_torch  # noqa: E402

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "src", "test",
                   "resources", "fixtures", "graphs.json")
ROWS = 6
BATCH_NORM = {"kind": "batch", "placement": "before_activation", "eps": 1e-5,
              "running_stats": "exponential", "momentum": 0.1}


def conv_bn(c_in, c_out, kernel, stride=1, padding=0, bias=False):
    return nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=padding, bias=bias), \
        nn.BatchNorm2d(c_out, eps=1e-5, momentum=0.1)


class Residual(nn.Module):
    """GraphTestModels.Residual as a PyTorch user writes it."""

    IN = (2, 8, 8)

    def __init__(self):
        super().__init__()
        self.stem_conv, self.stem_bn = conv_bn(2, 4, 3, padding=1)
        self.conv1, self.bn1 = conv_bn(4, 4, 3, padding=1)
        self.conv2, self.bn2 = conv_bn(4, 4, 3, padding=1)
        self.conv3, self.bn3 = conv_bn(4, 6, 3, stride=2, padding=1)
        self.conv4, self.bn4 = conv_bn(6, 6, 3, padding=1)
        self.projection, self.projection_bn = conv_bn(4, 6, 1, stride=2)
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        stem = F.relu(self.stem_bn(self.stem_conv(x)))
        block1 = F.relu(self.bn2(self.conv2(F.relu(self.bn1(self.conv1(stem))))) + stem)
        branch = self.bn4(self.conv4(F.relu(self.bn3(self.conv3(block1)))))
        block2 = F.relu(self.projection_bn(self.projection(block1)) + branch)
        both = torch.cat([block2, F.max_pool2d(block1, 2)], 1)
        return self.fc(F.adaptive_avg_pool2d(both, 1).flatten(1))

    def lamina_state(self, gradients=False):
        return lamina_state({"stem": (self.stem_conv, self.stem_bn), "conv1": (self.conv1, self.bn1),
                             "conv2": (self.conv2, self.bn2), "conv3": (self.conv3, self.bn3),
                             "conv4": (self.conv4, self.bn4),
                             "projection": (self.projection, self.projection_bn),
                             "logits": (self.fc, None)}, gradients)

    @staticmethod
    def layers():
        """The layer descriptions Lamina writes for it (lamina.layers)."""
        side = lamina_torch.pool_layer("side", "max_pool", (4, 8, 8), 2, 2)
        side["inputs"] = ["block1"]
        return [
            lamina_torch.image_input("image", Residual.IN),
            conv("stem", Residual.IN, 4, 3, padding=1),
            conv("conv1", (4, 8, 8), 4, 3, padding=1),
            conv("conv2", (4, 8, 8), 4, 3, padding=1, activation="identity"),
            merge("block1", "add", (4, 8, 8), ["stem", "conv2"]),
            conv("conv3", (4, 8, 8), 6, 3, stride=2, padding=1),
            conv("conv4", (6, 4, 4), 6, 3, padding=1, activation="identity"),
            conv("projection", (4, 8, 8), 6, 1, stride=2, activation="identity",
                 inputs=["block1"]),
            merge("block2", "add", (6, 4, 4), ["projection", "conv4"]),
            side,
            merge("both", "concat", (10, 4, 4), ["block2", "side"]),
            {"name": "pool", "type": "global_avg_pool", "units": 10,
             "image": {"in": [10, 4, 4], "out": [10, 1, 1], "kernel": 1, "stride": 1,
                       "padding": 0, "dilation": 1}, "keep": 1.0},
            dense("logits", 10, 3),
        ]


class ConcatHead(nn.Module):
    """GraphTestModels.ConcatHead as a PyTorch user writes it."""

    IN = (1, 6, 6)

    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(1, 3, 3, padding=1)
        self.b, self.b_bn = conv_bn(1, 2, 3, padding=1)
        self.fc = nn.Linear(6 * 6 * 6, 3)

    def forward(self, x):
        both = torch.cat([F.relu(self.a(x)), torch.tanh(self.b_bn(self.b(x))), x], 1)
        return self.fc(both.flatten(1))

    def lamina_state(self, gradients=False):
        return lamina_state({"a": (self.a, None), "b": (self.b, self.b_bn),
                             "logits": (self.fc, None)}, gradients)

    @staticmethod
    def layers():
        a = lamina_torch.conv_layer("a", ConcatHead.IN, 3, 3, padding=1)
        b = conv("b", ConcatHead.IN, 2, 3, padding=1, activation="tanh", inputs=["image"])
        return [lamina_torch.image_input("image", ConcatHead.IN), a, b,
                merge("both", "concat", (6, 6, 6), ["a", "b", "image"]),
                dense("logits", 216, 3)]


class FlatGraph(nn.Module):
    """GraphTestModels.FlatGraph as a PyTorch user writes it."""

    IN = (7,)

    def __init__(self):
        super().__init__()
        self.deep = nn.Linear(7, 6)
        self.wide = nn.Linear(7, 5)
        self.mixed = nn.Linear(18, 6, bias=False)
        self.mixed_bn = nn.BatchNorm1d(6, eps=1e-5, momentum=0.1)
        self.fc = nn.Linear(6, 3)

    def forward(self, x):
        deep = torch.tanh(self.deep(x))
        both = torch.cat([deep, F.relu(self.wide(x)), x], 1)
        return self.fc(F.leaky_relu(deep + self.mixed_bn(self.mixed(both)), 0.2))

    def lamina_state(self, gradients=False):
        return lamina_state({"deep": (self.deep, None), "wide": (self.wide, None),
                             "mixed": (self.mixed, self.mixed_bn), "logits": (self.fc, None)},
                            gradients)

    @staticmethod
    def layers():
        total = {"name": "sum", "type": "add", "units": 6, "activation": "leaky_relu",
                 "slope": 0.2, "keep": 1.0, "inputs": ["deep", "mixed"]}
        return [{"name": "features", "type": "input", "units": 7, "keep": 1.0},
                dense("deep", 7, 6, activation="tanh"),
                dense("wide", 7, 5, activation="relu", inputs=["features"]),
                {"name": "both", "type": "concat", "units": 18, "keep": 1.0,
                 "inputs": ["deep", "wide", "features"]},
                dense("mixed", 18, 6, bias=False, norm=dict(BATCH_NORM)),
                total,
                dense("logits", 6, 3)]


class InputReaders(nn.Module):
    """GraphTestModels.InputReaders as a PyTorch user writes it."""

    IN = (2, 5, 5)

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 3, 3, padding=1)
        self.from_pool = nn.Linear(3, 4)
        self.from_pixels = nn.Linear(50, 4)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        pooled = F.adaptive_avg_pool2d(F.relu(self.conv(x)), 1).flatten(1)
        return self.fc(torch.tanh(self.from_pool(pooled) + self.from_pixels(x.flatten(1))))

    def lamina_state(self, gradients=False):
        return lamina_state({"conv": (self.conv, None), "fromPool": (self.from_pool, None),
                             "fromPixels": (self.from_pixels, None), "logits": (self.fc, None)},
                            gradients)

    @staticmethod
    def layers():
        return [lamina_torch.image_input("image", InputReaders.IN),
                lamina_torch.conv_layer("conv", InputReaders.IN, 3, 3, padding=1),
                {"name": "pool", "type": "global_avg_pool", "units": 3,
                 "image": {"in": [3, 5, 5], "out": [3, 1, 1], "kernel": 1, "stride": 1,
                           "padding": 0, "dilation": 1}, "keep": 1.0},
                dense("fromPool", 3, 4),
                dense("fromPixels", 50, 4, inputs=["image"]),
                {"name": "sum", "type": "add", "units": 4, "activation": "tanh", "keep": 1.0,
                 "inputs": ["fromPool", "fromPixels"]},
                dense("logits", 4, 3)]


def lamina_state(layers, gradients):
    """The state_dict under Lamina's names, from {name: (weighted module, batch norm or None)}:
    weight and bias, γ and β for a batch norm's weight and bias, its running statistics; with
    gradients, each parameter's gradient instead of its value."""
    def value(p):
        return (p.grad if gradients else p).detach().clone()

    state = {}
    for name, (weighted, bn) in layers.items():
        state[name + ".weight"] = value(weighted.weight)
        if weighted.bias is not None:
            state[name + ".bias"] = value(weighted.bias)
        if bn is not None:
            state[name + ".gamma"] = value(bn.weight)
            state[name + ".beta"] = value(bn.bias)
            state[name + ".running_mean"] = bn.running_mean.clone()
            state[name + ".running_var"] = bn.running_var.clone()
            state[name + ".batches_tracked"] = bn.num_batches_tracked.reshape(1).float()
    return state


def conv(name, shape, filters, kernel, stride=1, padding=0, activation="relu", inputs=None):
    """A bias-free convolution with batch norm before its activation, as Lamina describes it."""
    d = lamina_torch.conv_layer(name, shape, filters, kernel, stride=stride, padding=padding,
                                bias=False, activation=activation, norm=dict(BATCH_NORM))
    if inputs:
        d["inputs"] = inputs
    return d


def merge(name, kind, shape, inputs):
    c, h, w = shape
    d = {"name": name, "type": kind, "units": c * h * w,
         "image": {"in": list(shape), "out": list(shape)}}
    if kind == "add":
        d["activation"] = "relu"
    d.update({"keep": 1.0, "inputs": inputs})
    return d


def dense(name, fan_in, units, activation="identity", bias=True, norm=None, inputs=None):
    d = {"name": name, "type": "dense", "units": units, "fan_in": fan_in, "bias": bias,
         "activation": activation, "keep": 1.0}
    if norm:
        d["norm"] = norm
    if inputs:
        d["inputs"] = inputs
    return d


def file_bytes(state, metadata):
    path = OUT + ".tmp.safetensors"
    lamina_torch.write_safetensors(path, state, metadata)
    with open(path, "rb") as f:
        raw = f.read()
    os.remove(path)
    return base64.b64encode(raw).decode()


def assert_same(what, a, b, tolerance=1e-6):
    diff = (a - b).abs().max().item()
    if not diff <= tolerance:
        sys.exit(f"{what}: the twin differs from the plain module by {diff}")


def case(name, net, seed):
    """Runs net and its twin on three training batches and once in eval mode."""
    torch.manual_seed(seed)
    with torch.no_grad():  # γ, β and the statistics away from their defaults: each role is tested
        for m in net.modules():
            if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.5, 0.5)
                m.running_mean.uniform_(-0.3, 0.3)
                m.running_var.uniform_(0.5, 2.0)
                m.num_batches_tracked.fill_(5)
    description = net.layers()
    twin = lamina_torch.LaminaModel(description)
    twin.load_state_dict(net.lamina_state(), strict=True)
    weights = file_bytes(net.lamina_state(), {"format": "pt", "lamina.layers": json.dumps(description)})

    batches = [torch.randn(ROWS, *net.IN) * 1.5 + 0.3 for _ in range(3)]
    labels = [torch.randint(0, 3, (ROWS,)) for _ in range(3)]
    net.train()
    twin.train()
    for x, y in zip(batches, labels):
        net.zero_grad()
        twin.zero_grad()
        logits = net(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        twin_logits = twin(x.reshape(ROWS, -1))
        F.cross_entropy(twin_logits, y).backward()
        assert_same(name + " training logits", logits, twin_logits)
    after = net.lamina_state(gradients=True)
    twin_params = dict(twin.named_parameters())
    twin_buffers = dict(twin.named_buffers())
    for key, value in after.items():
        found = twin_params[key].grad if key in twin_params else twin_buffers[key]
        assert_same(name + " " + key, value, found)
    net.eval()
    twin.eval()
    with torch.no_grad():
        eval_logits = net(batches[0])
        assert_same(name + " eval logits", eval_logits, twin(batches[0].reshape(ROWS, -1)))
    return {
        "name": name,
        "layers": description,
        "weights_base64": weights,
        "after_base64": file_bytes(after, {"format": "pt"}),
        "rows": ROWS,
        "inputs": [f32(x.reshape(ROWS, -1)) for x in batches],
        "labels": [ints(y) for y in labels],
        "train_logits": f32(logits),
        "loss": f32(loss),
        "eval_logits": f32(eval_logits),
    }


def main():
    torch.set_num_threads(1)
    torch.manual_seed(16)
    residual = Residual()
    torch.manual_seed(17)
    concat_head = ConcatHead()
    torch.manual_seed(18)
    flat_graph = FlatGraph()
    torch.manual_seed(19)
    input_readers = InputReaders()
    payload = {
        "generator": "scripts/pytorch_graph_fixtures.py",
        "torch": torch.__version__,
        "description": "GraphTestModels.Residual, ConcatHead, FlatGraph and InputReaders in PyTorch (plain nn.Modules, "
                       "checked against scripts/lamina_torch.py's twins): weights before training "
                       "and, in 'after', the last batch's gradients with the running statistics "
                       "after three training batches, both as safetensors state_dicts under "
                       "Lamina's names; eval logits of the first batch",
        "cases": [case("residual", residual, 16), case("concat_head", concat_head, 17),
                  case("flat_graph", flat_graph, 18), case("input_readers", input_readers, 19)],
    }
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        f.write(dumps(payload) + "\n")
    os.replace(tmp, OUT)
    print(f"wrote {os.path.relpath(OUT)} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
