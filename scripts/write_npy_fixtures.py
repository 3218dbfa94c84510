"""Writes the NumPy fixtures that NpyTest reads: one small array per supported dtype and order,
and .npz archives stored and deflated. Values follow v[i, j] = 10 * i + j (+ 0.5 for floats,
negated for odd j in signed types), so the Java test can rebuild them.

    python3 scripts/write_npy_fixtures.py runtime/src/test/resources/fixtures/npy
"""
import os
import sys

import numpy as np


def grid(dtype, rows=3, cols=4, half=False, signed=True):
    i, j = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
    v = (10 * i + j).astype(np.float64)
    if half:
        v = v + 0.5
    if signed:
        v = np.where(j % 2 == 1, -v, v)
    return v.astype(dtype)


def main(out):
    os.makedirs(out, exist_ok=True)
    arrays = {
        "float32_c": grid(np.float32, half=True),
        "float64_c": grid(np.float64, half=True),
        "float32_fortran": np.asfortranarray(grid(np.float32, half=True)),
        "float64_fortran": np.asfortranarray(grid(np.float64, half=True)),
        "float32_big_endian": grid(np.dtype(">f4"), half=True),
        "int8_c": grid(np.int8),
        "int16_c": grid(np.int16),
        "int32_c": grid(np.int32),
        "int64_c": grid(np.int64),
        "int64_fortran": np.asfortranarray(grid(np.int64)),
        "uint8_c": grid(np.uint8, signed=False),
        "float32_3d_fortran": np.asfortranarray(
            np.arange(24, dtype=np.float32).reshape(2, 3, 4) + 0.25),
        "labels_int64": np.array([0, 2, 1], dtype=np.int64),
    }
    for name, a in arrays.items():
        np.save(os.path.join(out, name + ".npy"), a)
    np.savez(os.path.join(out, "stored.npz"), x=arrays["float32_c"], y=arrays["labels_int64"])
    np.savez_compressed(os.path.join(out, "deflated.npz"), x=arrays["float64_fortran"],
                        y=arrays["labels_int64"])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "runtime/src/test/resources/fixtures/npy")
