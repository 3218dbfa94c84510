#!/usr/bin/env python3
"""Moves Lamina models to PyTorch and back through safetensors files (see docs/saving.md).

A Lamina model file is a PyTorch state_dict in safetensors form: tensors under Lamina's names
(hidden1.weight, hidden1.bias, hidden1.gamma, hidden1.running_mean, ...), dense weights in
nn.Linear's (out_features, in_features) layout, convolution weights in nn.Conv2d's (filters,
channels, k, k), and the model's layers described in the metadata (lamina.layers). This script
builds the equivalent PyTorch module from that description — dense layers, convolutions,
pooling, upsampling, the four normalizations, dropout, and graphs: a layer reads the layers its "inputs"
name (the layer above when it names none), "add" sums them and "concat" joins them along
channels or features — so no Lamina code is needed on the PyTorch side.
It reads and writes the format with struct and numpy: Debian's python3-torch has no
safetensors package.

Run with a Python that has PyTorch (Debian: /usr/bin/python3):

  scripts/lamina_torch.py check MODEL LOGITS [--data DIR] [--tolerance 1e-5]
      Loads MODEL into PyTorch, computes the logits of the Fashion-MNIST test set and compares
      them with LOGITS, which Lamina wrote for the same model:
          bin/lamina fashion-mlp --load MODEL --save-logits LOGITS
      Exits 1 when any logit differs by more than tolerance x max(1, |logit|): both sides round
      to float32, whose spacing grows with the value.

  scripts/lamina_torch.py export OUT [--epochs 1] [--seed 0] [--data DIR]
      Trains the FashionMlp architecture in PyTorch and saves its state_dict to OUT as plain
      safetensors (what safetensors.torch.save_file writes: no Lamina metadata). Lamina loads it:
          bin/lamina fashion-mlp --load OUT

  scripts/lamina_torch.py fixtures
      Writes runtime/src/test/resources/fixtures/safetensors.json: small models saved from
      PyTorch (the file bytes), inputs and PyTorch's logits, for SafeTensorsPyTorchTest.
"""
import argparse
import base64
import gzip
import json
import os
import struct
import sys

try:
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as e:
    sys.exit(f"needs PyTorch and numpy ({e}); run with a Python that has them, e.g. /usr/bin/python3")

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DTYPES = {"F32": np.float32, "F64": np.float64, "F16": np.float16, "I64": np.int64,
          "I32": np.int32, "I16": np.int16, "I8": np.int8, "U8": np.uint8, "BOOL": np.bool_}

# examples/src/main/java/dev/lamina/examples/FashionMlp.java, for files that carry no description
# (those saved from PyTorch).
FASHION_MLP = [
    {"name": "pixels", "type": "input", "units": 784, "keep": 0.9, "dropout": "inverted"},
    {"name": "hidden1", "type": "dense", "units": 256, "fan_in": 784, "bias": True,
     "activation": "relu", "keep": 0.8, "dropout": "inverted"},
    {"name": "hidden2", "type": "dense", "units": 128, "fan_in": 256, "bias": True,
     "activation": "relu", "keep": 0.8, "dropout": "inverted"},
    {"name": "logits", "type": "dense", "units": 10, "fan_in": 128, "bias": True,
     "activation": "identity", "keep": 1.0},
]


# ---------------------------------------------------------------- safetensors with numpy

def read_safetensors(path):
    """(metadata, {name: numpy array}) of a safetensors file, its layout checked."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError(f"{path}: {len(data)} bytes, too short for safetensors")
    (n,) = struct.unpack("<Q", data[:8])
    if n > len(data) - 8:
        raise ValueError(f"{path}: header of {n} bytes but only {len(data) - 8} follow (truncated?)")
    header = json.loads(data[8:8 + n])
    metadata = header.pop("__metadata__", {}) or {}
    body = memoryview(data)[8 + n:]
    tensors, end = {}, 0
    for name, e in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        begin, stop = e["data_offsets"]
        if begin != end:
            raise ValueError(f"{path}: tensor {name} starts at {begin}, expected {end}")
        dtype = np.dtype(DTYPES[e["dtype"]]).newbyteorder("<")
        tensors[name] = np.frombuffer(body[begin:stop], dtype=dtype).reshape(e["shape"]).copy()
        end = stop
    if end != len(body):
        raise ValueError(f"{path}: header describes {end} data bytes, file has {len(body)}")
    return metadata, tensors


def write_safetensors(path, tensors, metadata=None):
    """Writes {name: tensor} as safetensors.torch.save_file does: largest dtypes first, then by
    name; metadata strings first in the header; header padded with spaces to a multiple of 8."""
    arrays = {k: (v.detach().cpu().numpy() if isinstance(v, torch.Tensor) else np.asarray(v))
              for k, v in tensors.items()}
    names = sorted(arrays, key=lambda k: (-arrays[k].dtype.itemsize, k))
    header, chunks, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    for name in names:
        a = np.ascontiguousarray(arrays[name])
        code = {np.dtype(v): k for k, v in DTYPES.items()}[a.dtype]
        raw = a.astype(a.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": code, "shape": list(a.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:  # temporary file, flushed, renamed: never a half-written OUT
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


# ---------------------------------------------------------------- the equivalent PyTorch model

def activation(name, slope):
    return {"identity": lambda z: z, "relu": F.relu, "tanh": torch.tanh,
            "sigmoid": torch.sigmoid,
            "leaky_relu": lambda z: F.leaky_relu(z, slope),
            "gelu": F.gelu, "gelu_tanh": lambda z: F.gelu(z, approximate="tanh"), "silu": F.silu, "elu": F.elu, "selu": F.selu,
            "softplus": F.softplus, "hardswish": F.hardswish}[name]


def dropout(x, layer, training):
    """Lamina's dropout: `keep` is the probability of keeping a unit. Inverted scales by 1/keep
    while training; classic scales by keep at inference."""
    keep = layer.get("keep", 1.0)
    if keep >= 1.0:
        return x
    if layer.get("dropout") == "classic":
        return x * torch.bernoulli(torch.full_like(x, keep)) if training else x * keep
    return F.dropout(x, p=1 - keep, training=training)


class LaminaWeighted(nn.Module):
    """A Lamina dense layer or convolution with its tensors under Lamina's names: weight, bias,
    and with normalization gamma, beta, running_mean, running_var, batches_tracked. Without
    normalization a dense layer's state_dict is exactly nn.Linear's, a convolution's
    nn.Conv2d's."""

    def __init__(self, d, weight_shape, norm_shape):
        super().__init__()
        self.d = d
        fan_in = d["fan_in"]
        self.weight = nn.Parameter(torch.empty(*weight_shape))
        nn.init.kaiming_uniform_(self.weight, a=5 ** 0.5)  # nn.Linear's and nn.Conv2d's default
        bound = 1 / fan_in ** 0.5
        self.bias = nn.Parameter(torch.empty(weight_shape[0]).uniform_(-bound, bound)) if d["bias"] else None
        self.norm = d.get("norm")
        if self.norm:
            shape = norm_shape(self.norm["kind"])
            self.gamma = nn.Parameter(torch.ones(*shape))
            self.beta = nn.Parameter(torch.zeros(*shape))
            if self.norm["kind"] == "batch":
                self.register_buffer("running_mean", torch.zeros(*shape))
                self.register_buffer("running_var", torch.ones(*shape))
                self.register_buffer("batches_tracked", torch.zeros(1))

    def normalize(self, z):
        n = self.norm
        if n["kind"] == "layer":  # over the units, or over (C, H, W) of an image
            return F.layer_norm(z, tuple(self.gamma.shape), self.gamma, self.beta, n["eps"])
        if n["kind"] == "instance":
            return F.instance_norm(z, weight=self.gamma, bias=self.beta, eps=n["eps"])
        if n["kind"] == "group":
            return F.group_norm(z, n["groups"], self.gamma, self.beta, n["eps"])
        if self.training:
            # Lamina's cumulative statistics are a running average with weight 1/(batches + 1).
            momentum = n.get("momentum") if n["running_stats"] == "exponential" \
                else 1.0 / (self.batches_tracked.item() + 1)
            self.batches_tracked += 1
        else:
            momentum = 0.0
        return F.batch_norm(z, self.running_mean, self.running_var, self.gamma, self.beta,
                            self.training, momentum, n["eps"])

    def forward(self, x):
        z = self.transform(x)
        before = self.norm and self.norm["placement"] == "before_activation"
        if before:
            z = self.normalize(z)
        a = activation(self.d["activation"], self.d.get("slope", 0.01))(z)
        if self.norm and not before:
            a = self.normalize(a)
        return dropout(a, self.d, self.training)


class LaminaDense(LaminaWeighted):
    """nn.Linear: weight (units, fan_in); reads an image flattened (C, H, W) as torch.flatten does."""

    def __init__(self, d):
        super().__init__(d, (d["units"], d["fan_in"]), lambda kind: (d["units"],))

    def transform(self, x):
        return F.linear(x.flatten(1), self.weight, self.bias)


class LaminaConv(LaminaWeighted):
    """nn.Conv2d: weight (filters, channels, k, k); per-channel γ and β (batch, instance and
    group normalization), or (C, H, W) for layer normalization, as nn.LayerNorm([C, H, W])."""

    def __init__(self, d):
        g = d["image"]
        filters, channels, k = g["out"][0], g["in"][0], g["kernel"]
        super().__init__(d, (filters, channels, k, k),
                         lambda kind: tuple(g["out"]) if kind == "layer" else (filters,))

    def transform(self, x):
        g = self.d["image"]
        return F.conv2d(x, self.weight, self.bias, stride=g["stride"], padding=g["padding"],
                        dilation=g["dilation"])


class LaminaPool(nn.Module):
    """Max, average (no padding) or global average pooling; no tensors."""

    def __init__(self, d):
        super().__init__()
        self.d = d

    def forward(self, x):
        g, kind = self.d["image"], self.d["type"]
        if kind == "max_pool":
            y = F.max_pool2d(x, g["kernel"], g["stride"])
        elif kind == "avg_pool":
            y = F.avg_pool2d(x, g["kernel"], g["stride"])
        else:
            y = x.mean((2, 3), keepdim=True)
        return dropout(y, self.d, self.training)


class LaminaUpsample(nn.Module):
    """@Upsample2d: nearest-neighbour upsampling by the ratio of the output's side to the input's;
    no tensors."""

    def __init__(self, d):
        super().__init__()
        self.d = d

    def forward(self, x):
        g = self.d["image"]
        y = F.interpolate(x, scale_factor=g["out"][1] // g["in"][1], mode="nearest")
        return dropout(y, self.d, self.training)


class LaminaAdd(nn.Module):
    """@Add: the inputs summed in their order (PyTorch's x + f(x)), then the activation, then
    dropout, as Lamina computes it; no tensors."""

    def __init__(self, d):
        super().__init__()
        self.d = d

    def forward(self, *inputs):
        total = inputs[0]
        for x in inputs[1:]:
            total = total + x
        y = activation(self.d["activation"], self.d.get("slope", 0.01))(total)
        return dropout(y, self.d, self.training)


class LaminaConcat(nn.Module):
    """@Concat: the inputs side by side in their order, torch.cat(dim=1): along channels for
    (N, C, H, W) images, along features for (N, F) rows; no tensors."""

    def __init__(self, d):
        super().__init__()
        self.d = d

    def forward(self, *inputs):
        return dropout(torch.cat(inputs, 1), self.d, self.training)


LAYERS = {"dense": LaminaDense, "conv": LaminaConv, "max_pool": LaminaPool,
          "avg_pool": LaminaPool, "global_avg_pool": LaminaPool, "upsample": LaminaUpsample, "add": LaminaAdd,
          "concat": LaminaConcat}


class LaminaModel(nn.Module):
    """The PyTorch twin of a Lamina model, built from its layer descriptions. Samples come in as
    rows of features; an image input's rows are (C, H, W) images, as Lamina takes them. Each
    layer reads the layers its description's "inputs" names, or the layer above; the last
    layer's output is the model's."""

    def __init__(self, layers):
        super().__init__()
        self.input = layers[0]
        self.reads = {}  # layer name → the names of the layers it reads
        above = self.input["name"]
        for d in layers[1:]:
            if d["type"] not in LAYERS:
                raise ValueError(f"layer {d['name']} is a {d['type']} layer, which this script "
                                 "cannot build")
            inputs = d.get("inputs", [above])
            unknown = [n for n in inputs if n != self.input["name"] and n not in self.reads]
            if unknown:
                raise ValueError(f"layer {d['name']} reads {unknown}, which are no layers above it")
            self.reads[d["name"]] = inputs
            self.add_module(d["name"], LAYERS[d["type"]](d))
            above = d["name"]

    def forward(self, x):
        x = dropout(x, self.input, self.training)
        if "image" in self.input:
            x = x.reshape(x.shape[0], *self.input["image"]["in"])
        outputs = {self.input["name"]: x}
        for name, layer in self.named_children():
            x = layer(*(outputs[n] for n in self.reads[name]))
            outputs[name] = x
        return x


def load_model(path):
    """The PyTorch model of a Lamina (or PyTorch-saved) safetensors file, in eval mode."""
    metadata, tensors = read_safetensors(path)
    layers = json.loads(metadata["lamina.layers"]) if "lamina.layers" in metadata else FASHION_MLP
    model = LaminaModel(layers)
    state = {k: torch.from_numpy(v) for k, v in tensors.items() if "/" not in k}  # "/": checkpoint state
    model.load_state_dict(state, strict=True)
    return model.eval(), metadata


# ---------------------------------------------------------------- Fashion-MNIST with numpy

def fashion_mnist(directory, split):
    """(features (n, 784) float32 = pixel / 255 as Lamina computes it, labels (n,))."""
    prefix = "t10k" if split == "test" else "train"
    names = [directory] if directory else []
    names += [os.environ.get("LAMINA_DATA", ""), os.path.expanduser("~/.lamina/fashion-mnist"),
              "/usr/share/datasets/fashion-mnist"]
    for d in filter(None, names):
        images = os.path.join(d, f"{prefix}-images-idx3-ubyte")
        labels = os.path.join(d, f"{prefix}-labels-idx1-ubyte")
        found = [p for p in (images, images + ".gz") if os.path.exists(p)]
        if found:
            image_path = found[0]
            label_path = labels + (".gz" if image_path.endswith(".gz") else "")
            break
    else:
        sys.exit("Fashion-MNIST not found; pass --data DIR (see docs/data.md)")

    def read(path, magic, offset):
        with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
            raw = f.read()
        if struct.unpack(">I", raw[:4])[0] != magic:
            sys.exit(f"{path}: not an IDX file with magic {magic:#x}")
        return np.frombuffer(raw, dtype=np.uint8, offset=offset)

    pixels = read(image_path, 0x803, 16).reshape(-1, 784)
    labels = read(label_path, 0x801, 8).astype(np.int64)
    return pixels.astype(np.float32) / np.float32(255), labels


def logits_of(model, features):
    with torch.no_grad():
        return model(torch.from_numpy(features)).numpy()


# ---------------------------------------------------------------- commands

def check(args):
    model, metadata = load_model(args.model)
    features, labels = fashion_mnist(args.data, "test")
    torch_logits = logits_of(model, features)
    _, lamina = read_safetensors(args.logits)
    if "logits" not in lamina or lamina["logits"].shape != torch_logits.shape:
        sys.exit(f"{args.logits}: expected a tensor 'logits' of shape {list(torch_logits.shape)}")
    diff = np.abs(torch_logits.astype(np.float64) - lamina["logits"].astype(np.float64))
    # Both sides round to float32, whose spacing grows with the logit (3.8e-6 at 32): the
    # tolerance applies to |diff| / max(1, |logit|), i.e. absolute below 1 and relative above.
    scaled = diff / np.maximum(1.0, np.abs(torch_logits.astype(np.float64)))
    worst = np.unravel_index(np.argmax(scaled), scaled.shape)
    same_class = np.mean(torch_logits.argmax(1) == lamina["logits"].argmax(1))
    # For scale: how far PyTorch's own float32 logits are from the same model in float64.
    with torch.no_grad():
        exact = model.double()(torch.from_numpy(features.astype(np.float64))).numpy()
    result = {
        "model": metadata.get("lamina.model", "FashionMlp (PyTorch file)"),
        "samples": int(features.shape[0]),
        "max_scaled_diff": float(scaled.max()),
        "worst_at": [int(i) for i in worst],
        "max_abs_diff": float(diff.max()),
        "mean_abs_diff": float(diff.mean()),
        "max_abs_logit": float(np.abs(torch_logits).max()),
        "torch_float32_vs_float64": float(np.abs(torch_logits - exact).max()),
        "lamina_vs_float64": float(np.abs(lamina["logits"] - exact).max()),
        "torch_accuracy": float(np.mean(torch_logits.argmax(1) == labels)),
        "lamina_accuracy": float(np.mean(lamina["logits"].argmax(1) == labels)),
        "same_prediction": float(same_class),
        "tolerance": args.tolerance,
    }
    print(f"{result['model']}: {result['samples']} test samples; max |PyTorch - Lamina| / max(1, "
          f"|logit|) {result['max_scaled_diff']:.3g} at {result['worst_at']}; max |PyTorch - "
          f"Lamina| {result['max_abs_diff']:.3g} (largest |logit| {result['max_abs_logit']:.3g}), "
          f"mean {result['mean_abs_diff']:.3g}; against the model in float64: PyTorch float32 "
          f"{result['torch_float32_vs_float64']:.3g}, Lamina {result['lamina_vs_float64']:.3g}; "
          f"accuracy PyTorch {result['torch_accuracy']:.4f}, Lamina {result['lamina_accuracy']:.4f}")
    print(json.dumps(result))
    if not result["max_scaled_diff"] <= args.tolerance:
        print(f"FAIL: logits differ by more than {args.tolerance} x max(1, |logit|)", file=sys.stderr)
        sys.exit(1)


def export(args):
    torch.manual_seed(args.seed)
    model = LaminaModel(FASHION_MLP)
    features, labels = fashion_mnist(args.data, "train")
    x, y = torch.from_numpy(features), torch.from_numpy(labels)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for epoch in range(args.epochs):
        order = torch.randperm(x.shape[0])
        for i in range(0, x.shape[0], 128):
            batch = order[i:i + 128]
            opt.zero_grad()
            F.cross_entropy(model(x[batch]), y[batch]).backward()
            opt.step()
    model.eval()
    test_x, test_y = fashion_mnist(args.data, "test")
    accuracy = float(np.mean(logits_of(model, test_x).argmax(1) == test_y))
    write_safetensors(args.out, model.state_dict(), {"format": "pt"})
    print(f"wrote {args.out}: FashionMlp trained in PyTorch for {args.epochs} epoch(s); "
          f"PyTorch test accuracy {accuracy:.4f}")
    print(json.dumps({"file": args.out, "torch_test_accuracy": accuracy}))


def side(n, kernel, stride, padding=0, dilation=1):
    return (n + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def image_input(name, shape):
    c, h, w = shape
    return {"name": name, "type": "input", "units": c * h * w,
            "image": {"in": list(shape), "out": list(shape)}, "keep": 1.0}


def conv_layer(name, shape, filters, kernel, stride=1, padding=0, dilation=1, bias=True,
               activation="relu", slope=None, norm=None):
    """A conv layer's description as Lamina writes it, for an input of (C, H, W) = shape."""
    c, h, w = shape
    out = [filters, side(h, kernel, stride, padding, dilation), side(w, kernel, stride, padding, dilation)]
    d = {"name": name, "type": "conv", "units": out[0] * out[1] * out[2],
         "image": {"in": list(shape), "out": out, "kernel": kernel, "stride": stride,
                   "padding": padding, "dilation": dilation},
         "fan_in": c * kernel * kernel, "bias": bias, "activation": activation}
    if slope is not None:
        d["slope"] = slope
    if norm:
        d["norm"] = norm
    d["keep"] = 1.0
    return d


def pool_layer(name, kind, shape, kernel, stride, keep=1.0):
    c, h, w = shape
    out = [c, side(h, kernel, stride), side(w, kernel, stride)]
    d = {"name": name, "type": kind, "units": out[0] * out[1] * out[2],
         "image": {"in": list(shape), "out": out, "kernel": kernel, "stride": stride,
                   "padding": 0, "dilation": 1}, "keep": keep}
    if keep < 1:
        d["dropout"] = "inverted"
    return d


def out_shape(d):
    return d["image"]["out"]


def cnn_batch_group():
    """(2, 7, 6) → conv + batch norm + ReLU → max pool → conv + tanh + group norm → avg pool →
    logits from the flattened (6, 3, 3)."""
    x = image_input("in", (2, 7, 6))
    c1 = conv_layer("c1", (2, 7, 6), 4, 3, padding=1, bias=False,
                    norm={"kind": "batch", "placement": "before_activation", "eps": 1e-5,
                          "running_stats": "exponential", "momentum": 0.1})
    p1 = pool_layer("p1", "max_pool", out_shape(c1), 2, 2)
    c2 = conv_layer("c2", out_shape(p1), 6, 2, padding=1, activation="tanh",
                    norm={"kind": "group", "placement": "after_activation", "eps": 1e-5, "groups": 3})
    p2 = pool_layer("p2", "avg_pool", out_shape(c2), 2, 1, keep=0.8)
    units = p2["units"]
    return [x, c1, p1, c2, p2, {"name": "out", "type": "dense", "units": 3, "fan_in": units,
                                "bias": True, "activation": "identity", "keep": 1.0}]


def cnn_layer_instance():
    """(3, 6, 5) → strided conv + layer norm + sigmoid → dilated conv + leaky ReLU + instance
    norm → overlapping max pool → dense + batch norm → logits."""
    x = image_input("in", (3, 6, 5))
    c1 = conv_layer("c1", (3, 6, 5), 5, 3, stride=2, padding=1, activation="sigmoid",
                    norm={"kind": "layer", "placement": "before_activation", "eps": 1e-5})
    c2 = conv_layer("c2", out_shape(c1), 4, 2, padding=1, dilation=2, activation="leaky_relu",
                    slope=0.1, norm={"kind": "instance", "placement": "after_activation", "eps": 1e-5})
    p = pool_layer("p", "max_pool", out_shape(c2), 2, 1)
    return [x, c1, c2, p,
            {"name": "h", "type": "dense", "units": 5, "fan_in": p["units"], "bias": False,
             "norm": {"kind": "batch", "placement": "before_activation", "eps": 1e-5,
                      "running_stats": "cumulative"},
             "activation": "relu", "keep": 1.0},
            {"name": "out", "type": "dense", "units": 3, "fan_in": 5, "bias": True,
             "activation": "identity", "keep": 1.0}]


# Small models for the Java test: every layer kind a file can describe.
FIXTURE_MODELS = {
    "mlp": [
        {"name": "in", "type": "input", "units": 7, "keep": 0.8, "dropout": "classic"},
        {"name": "a", "type": "dense", "units": 9, "fan_in": 7, "bias": True,
         "activation": "tanh", "keep": 0.5, "dropout": "inverted"},
        {"name": "b", "type": "dense", "units": 6, "fan_in": 9, "bias": False,
         "activation": "leaky_relu", "slope": 0.1, "keep": 1.0},
        {"name": "out", "type": "dense", "units": 4, "fan_in": 6, "bias": True,
         "activation": "identity", "keep": 0.7, "dropout": "classic"},
    ],
    "normalized": [
        {"name": "in", "type": "input", "units": 5, "keep": 1.0},
        {"name": "a", "type": "dense", "units": 8, "fan_in": 5, "bias": False,
         "norm": {"kind": "batch", "placement": "before_activation", "eps": 1e-5,
                  "running_stats": "exponential", "momentum": 0.1},
         "activation": "relu", "keep": 1.0},
        {"name": "b", "type": "dense", "units": 6, "fan_in": 8, "bias": True,
         "norm": {"kind": "batch", "placement": "after_activation", "eps": 1e-3,
                  "running_stats": "cumulative"},
         "activation": "sigmoid", "keep": 1.0},
        {"name": "c", "type": "dense", "units": 7, "fan_in": 6, "bias": True,
         "norm": {"kind": "layer", "placement": "before_activation", "eps": 1e-5},
         "activation": "tanh", "keep": 1.0},
        {"name": "out", "type": "dense", "units": 3, "fan_in": 7, "bias": True,
         "activation": "identity", "keep": 1.0},
    ],
    # A dense layer straight after an image input reads the (C, H, W) sample as given.
    "image_dense": [
        image_input("in", (2, 3, 4)),
        {"name": "a", "type": "dense", "units": 5, "fan_in": 24, "bias": True,
         "activation": "relu", "keep": 1.0},
        {"name": "out", "type": "dense", "units": 3, "fan_in": 5, "bias": True,
         "activation": "identity", "keep": 1.0},
    ],
    "cnn_batch_group": cnn_batch_group(),
    "cnn_layer_instance": cnn_layer_instance(),
}


def fixtures(args):
    out = os.path.join(ROOT, "runtime", "src", "test", "resources", "fixtures", "safetensors.json")
    cases = []
    for seed, (name, layers) in enumerate(FIXTURE_MODELS.items()):
        torch.manual_seed(seed)
        model = LaminaModel(layers)
        with torch.no_grad():  # every tensor away from its default, so each one's role is tested
            for key, t in model.state_dict().items():
                if key.endswith("running_var"):
                    t.uniform_(0.5, 2.0)
                elif key.endswith("batches_tracked"):
                    t.fill_(17)
                elif not key.endswith(".weight"):
                    t.uniform_(-0.8, 0.8) if not key.endswith("gamma") else t.uniform_(0.5, 1.5)
        model.eval()
        x = torch.randn(6, layers[0]["units"]) * 1.5
        path = out + ".tmp.safetensors"
        write_safetensors(path, model.state_dict(), {"format": "pt"})
        with open(path, "rb") as f:
            raw = f.read()
        os.remove(path)
        cases.append({
            "name": name,
            "layers": layers,
            "file_base64": base64.b64encode(raw).decode(),
            "rows": int(x.shape[0]),
            "input": [[float(str(v)) for v in row] for row in x.numpy()],
            "logits": [[float(str(v)) for v in row] for row in logits_of(model, x.numpy())],
        })
    payload = {
        "generator": "scripts/lamina_torch.py fixtures",
        "torch": torch.__version__,
        "description": "Each case: a model built in PyTorch from Lamina layer descriptions "
                       "(LaminaModel), its state_dict saved as safetensors (file_base64, no "
                       "Lamina metadata), inputs (rows x units) and PyTorch's eval-mode logits.",
        "cases": cases,
    }
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
    os.replace(tmp, out)
    print(f"wrote {os.path.relpath(out)} ({os.path.getsize(out)} bytes)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="compare PyTorch's logits of a Lamina file with Lamina's")
    c.add_argument("model")
    c.add_argument("logits")
    c.add_argument("--data")
    c.add_argument("--tolerance", type=float, default=1e-5)
    e = sub.add_parser("export", help="train FashionMlp in PyTorch, save it as safetensors")
    e.add_argument("out")
    e.add_argument("--epochs", type=int, default=1)
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--data")
    sub.add_parser("fixtures", help="write the Java test's fixture")
    args = parser.parse_args()
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    {"check": check, "export": export, "fixtures": fixtures}[args.command](args)


if __name__ == "__main__":
    main()
