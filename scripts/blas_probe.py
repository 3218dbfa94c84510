"""Which OpenBLAS core PyTorch's matrix products run on here, and whether it computes correctly.

Run by `bin/lamina bench` and `cnn-bench` before the PyTorch peer, once with the machine's
OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE removed (OpenBLAS then picks the core it detects) so that the
peer runs on its best kernels when they are right. Prints one JSON line:
{"core": name, "max_relative_error": e, "correct": bool}. Exits with 3 when torch is missing.
"""
import ctypes
import json
import sys

try:
    import torch
except ImportError:
    print("PyTorch is not installed for " + sys.executable, file=sys.stderr)
    sys.exit(3)

# Float32 products of these sizes run through sgemm's blocked kernels and its edge kernels.
SHAPES = [(257, 513, 129), (128, 784, 256), (31, 17, 45)]
TOLERANCE = 1e-4  # float32 accumulation over ~800 terms of O(1) values stays near 1e-6


def core_name():
    """openblas_get_corename() of the OpenBLAS that torch loaded, read through /proc/self/maps."""
    torch.ones(8, 8) @ torch.ones(8, 8)
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "openblas" in line.lower()})
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return lib.openblas_get_corename().decode()
        except (OSError, AttributeError):
            continue
    return "not openblas"


def max_relative_error():
    torch.manual_seed(0)
    worst = 0.0
    for m, k, n in SHAPES:
        a = torch.randn(m, k)
        b = torch.randn(k, n)
        exact = a.double() @ b.double()
        got = (a @ b).double()
        worst = max(worst, ((got - exact).abs().max() / exact.abs().max()).item())
    return worst


torch.set_num_threads(1)
error = max_relative_error()
print(json.dumps({"core": core_name(), "max_relative_error": error, "correct": error < TOLERANCE}))
