#!/usr/bin/env python3
"""Writes PyTorch's float32 -> bfloat16 conversion to
runtime/src/test/resources/fixtures/bfloat16.json for BFloat16Test.

    /usr/bin/python3 scripts/bfloat16_fixtures.py

Each case is a float32 bit pattern and the bits of `tensor.to(torch.bfloat16)`: random bit
patterns, exact ties (low half 0x8000) with even and odd kept bits, the neighbours of a tie,
values that overflow to infinity, subnormals, zeros, infinities and NaNs. Bits are signed
32-bit and 16-bit integers, as Java's int and short hold them. Seeded: running it twice writes
identical files.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_fixtures import header, write  # noqa: E402  (the fixtures' format)

import torch  # noqa: E402


def signed32(u):
    return u - (1 << 32) if u >= (1 << 31) else u


def main():
    g = torch.Generator().manual_seed(20)
    patterns = [int(v) & 0xFFFFFFFF
                for v in torch.randint(-(1 << 31), 1 << 31, (2000,), generator=g, dtype=torch.int64)]
    specials = []
    for high in [0x3F80, 0x3F81, 0xBF80, 0xBF81, 0x0000, 0x0001, 0x8001, 0x7F7F, 0xFF7F, 0x0080]:
        for low in [0x0000, 0x7FFF, 0x8000, 0x8001, 0xFFFF]:
            specials.append((high << 16) | low)
    specials += [0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000, 0x7F800001, 0x7FFFFFFF,
                 0x80000000, 0x00000001, 0x007FFFFF, 0x7F7FFFFF, 0xFF7FFFFF]
    bits = specials + patterns
    floats = torch.tensor([signed32(b) for b in bits], dtype=torch.int32).view(torch.float32)
    bf16 = floats.to(torch.bfloat16).view(torch.int16)
    payload = header("float32 bit patterns and their bfloat16 bits from tensor.to(torch.bfloat16)")
    payload["generator"] = "scripts/bfloat16_fixtures.py"
    payload["floatBits"] = [signed32(b) for b in bits]
    payload["bfloat16Bits"] = [int(v) for v in bf16]
    write("bfloat16.json", payload)


if __name__ == "__main__":
    main()
