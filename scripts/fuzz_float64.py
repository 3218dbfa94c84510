#!/usr/bin/env python3
"""Evaluates one processor-fuzz model's gradients in float64 and says how far each float32
implementation (the generated network and the scalar ReferenceNetwork) is from it.

ProcessorFuzzTest compares the generated network with ReferenceNetwork, both float32. Where
they differ, this tells which is wrong, or whether both are equally far from the exact value
(float32 rounding of an ill-conditioned gradient). FuzzFloat64Dump (a processor test class)
writes the seed's model, batch, masks and both gradients; this script rebuilds the model in
PyTorch (lamina_torch.py's twin of a Lamina model), replays the same dropout masks, runs the
same output gradient back in float64, and prints, per tensor, the largest |float32 - float64| of
each side, their difference, and the tensor's float64 scale. The commands (FuzzFloat64Dump's
javadoc says how to build its class path):

  java --add-modules jdk.incubator.vector -cp CLASSPATH \\
      dev.lamina.processor.FuzzFloat64Dump 525 processor/target/fuzz-525
  /usr/bin/python3 scripts/fuzz_float64.py processor/target/fuzz-525

Seed 525 (2026-12-07): the bias before @GroupNorm(1) has a float64 gradient of at most 5.2e-5
while the network's largest is 11.9; the reference is within 2.1e-8 of it, the generated network
within 1.6e-6 (1.3e-7 of the network's scale: float32 rounding of terms that cancel). Seed 1013:
the weight before @BatchNorm over 3 rows, 2.3e-6 generated, 7.7e-7 reference.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lamina_torch  # noqa: E402
from lamina_torch import LaminaModel, read_safetensors  # noqa: E402

import torch  # noqa: E402


def main(directory):
    with open(os.path.join(directory, "batch.json"), encoding="utf-8") as f:
        batch = json.load(f)
    metadata, tensors = read_safetensors(os.path.join(directory, "model.safetensors"))
    layers = json.loads(metadata["lamina.layers"])
    model = LaminaModel(layers)
    model.load_state_dict({k: torch.from_numpy(v) for k, v in tensors.items() if "/" not in k},
                          strict=True)
    model = model.double().train()
    masks = {name: torch.tensor(m, dtype=torch.float64) for name, m in batch["masks"].items()}

    def replay(x, layer, training):  # the masks Lamina drew, in place of fresh ones
        mask = masks.get(layer["name"])
        return x if mask is None else x * mask.reshape(x.shape)

    lamina_torch.dropout = replay
    rows = batch["rows"]
    x = torch.tensor(batch["x"], dtype=torch.float64).reshape(rows, -1)
    out = model(x)
    out.backward(torch.tensor(batch["output_gradient"], dtype=torch.float64).reshape(out.shape))
    exact = {name: p.grad.numpy() for name, p in model.named_parameters()}
    _, generated = read_safetensors(os.path.join(directory, "generated_grad.safetensors"))
    _, reference = read_safetensors(os.path.join(directory, "reference_grad.safetensors"))

    print(f"seed {batch['seed']}: |float32 - float64| per gradient tensor")
    print(f"{'tensor':<22}{'max |g64|':>12}{'generated':>12}{'reference':>12}{'gen - ref':>12}")
    for name, g in exact.items():
        gen = generated[name].astype("float64")
        ref = reference[name].astype("float64")
        print(f"{name:<22}{abs(g).max():12.3e}{abs(gen - g).max():12.3e}"
              f"{abs(ref - g).max():12.3e}{abs(gen - ref).max():12.3e}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: fuzz_float64.py DIR (written by FuzzFloat64Dump)")
    main(sys.argv[1])
