#!/usr/bin/env python3
"""Writes PyTorch's learning-rate schedules, optimizers and gradient clipping on fixed inputs as
JSON fixtures for the runtime's tests (runtime/src/test/java/dev/lamina/train/*PyTorchTest), so
neither the tests nor CI need PyTorch. Regenerate after changing a case here, and commit the JSON:

    /usr/bin/python3 scripts/training_fixtures.py

Float32 tensors are written in their shortest round-tripping decimal form, learning rates (Python
floats, i.e. doubles) with repr. Running it twice writes identical files.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    import torch
    from torch.optim import lr_scheduler as sched
    from pytorch_fixtures import f32, write
except ImportError as e:
    sys.exit(f"needs PyTorch and numpy ({e}); run with a Python that has them, e.g. /usr/bin/python3")

import pytorch_fixtures

GENERATOR = "scripts/training_fixtures.py"


def header(description):
    return {"generator": GENERATOR, "torch": torch.__version__, "dtype": "float32",
            "description": description}


def rates(make, epochs, steps=1, base=0.1, metrics=None):
    """The learning rate of every step of a run, stepping the scheduler as PyTorch's examples do."""
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=base)
    scheduler = make(opt)
    out = []
    for epoch in range(epochs):
        for step in range(steps):
            out.append(opt.param_groups[0]["lr"])
            opt.step()
            if steps > 1:
                scheduler.step()
        if metrics is not None:
            scheduler.step(metrics[epoch])
        elif steps == 1:
            scheduler.step()
    return out


def schedules():
    epochs = 12
    plateau_losses = [1.0, 0.8, 0.79995, 0.8, 0.85, 0.7, 0.71, 0.72, 0.73, 0.69, 0.7, 0.7]
    plateau_accuracies = [0.5, 0.6, 0.6, 0.59, 0.6, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]
    cases = [
        ({"type": "constant"}, lambda o: sched.LambdaLR(o, lambda e: 1.0), {}),
        ({"type": "step", "step_size": 3, "gamma": 0.5},
         lambda o: sched.StepLR(o, step_size=3, gamma=0.5), {}),
        ({"type": "exponential", "gamma": 0.9}, lambda o: sched.ExponentialLR(o, gamma=0.9), {}),
        ({"type": "cosine", "period": 10, "min_rate": 0.0},
         lambda o: sched.CosineAnnealingLR(o, T_max=10), {}),
        ({"type": "cosine", "period": 8, "min_rate": 0.001},
         lambda o: sched.CosineAnnealingLR(o, T_max=8, eta_min=0.001), {}),
        ({"type": "cosine_restarts", "period": 3, "multiplier": 2, "min_rate": 0.0},
         lambda o: sched.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2), {}),
        ({"type": "cosine_restarts", "period": 4, "multiplier": 1, "min_rate": 0.01},
         lambda o: sched.CosineAnnealingWarmRestarts(o, T_0=4, T_mult=1, eta_min=0.01), {}),
        ({"type": "warmup", "warmup_epochs": 3, "start_factor": 0.1,
          "then": {"type": "cosine", "period": 9, "min_rate": 0.0}},
         lambda o: sched.SequentialLR(o, [sched.LinearLR(o, start_factor=0.1, total_iters=3),
                                          sched.CosineAnnealingLR(o, T_max=9)], milestones=[3]),
         {}),
        ({"type": "warmup", "warmup_epochs": 2, "start_factor": 0.25,
          "then": {"type": "step", "step_size": 4, "gamma": 0.1}},
         lambda o: sched.SequentialLR(o, [sched.LinearLR(o, start_factor=0.25, total_iters=2),
                                          sched.StepLR(o, step_size=4, gamma=0.1)],
                                      milestones=[2]),
         {}),
        ({"type": "one_cycle", "warmup_fraction": 0.3, "steps": 7, "epochs": 5},
         lambda o: sched.OneCycleLR(o, max_lr=0.1, epochs=5, steps_per_epoch=7, pct_start=0.3,
                                    anneal_strategy="cos", cycle_momentum=False),
         {"epochs": 5, "steps": 7}),
        ({"type": "plateau", "metric": "VALIDATION_LOSS", "factor": 0.5, "patience": 1,
          "threshold": 1e-4, "cooldown": 1, "min_rate": 0.02, "metrics": plateau_losses},
         lambda o: sched.ReduceLROnPlateau(o, mode="min", factor=0.5, patience=1,
                                           threshold=1e-4, cooldown=1, min_lr=0.02),
         {"metrics": plateau_losses}),
        ({"type": "plateau", "metric": "VALIDATION_ACCURACY", "factor": 0.1, "patience": 2,
          "threshold": 1e-4, "cooldown": 0, "min_rate": 0.0, "metrics": plateau_accuracies},
         lambda o: sched.ReduceLROnPlateau(o, mode="max", factor=0.1, patience=2,
                                           threshold=1e-4),
         {"metrics": plateau_accuracies}),
    ]
    runs = []
    for settings, make, kw in cases:
        n = kw.get("epochs", epochs)
        steps = kw.get("steps", 1)
        runs.append({**settings, "epochs": n, "steps": steps,
                     "rates": rates(make, n, steps, metrics=kw.get("metrics"))})
    d = header("torch.optim.SGD with lr 0.1 and each scheduler; `rates[k]` is the learning rate "
               "of step k (one step per epoch, except one-cycle: `steps` per epoch, stepped after "
               "each). Plateau schedulers are stepped after each epoch with `metrics[epoch]`.")
    d["base"] = 0.1
    d["schedules"] = runs
    write("schedules.json", d)


def optimizers():
    g = torch.Generator().manual_seed(5)
    size, steps = 37, 6
    w0 = torch.randn(size, generator=g)
    grads = [torch.randn(size, generator=g) * (0.5 + i) for i in range(steps)]

    def lion(lr, betas=(0.9, 0.99), wd=0.0):
        """The authors' reference update (google/automl lion_pytorch.py), in torch operations."""
        def step(p, state):
            grad = p.grad
            m = state.setdefault("exp_avg", torch.zeros_like(p))
            with torch.no_grad():
                p.mul_(1 - lr * wd)
                update = m.mul(betas[0]).add(grad, alpha=1 - betas[0]).sign_()
                p.add_(update, alpha=-lr)
                m.mul_(betas[1]).add_(grad, alpha=1 - betas[1])
        return step

    configs = [
        ("rmsprop", {"type": "rmsprop", "lr": 0.01, "alpha": 0.99, "eps": 1e-8, "momentum": 0.0,
                     "centered": False},
         lambda p: torch.optim.RMSprop([p], lr=0.01)),
        ("rmsprop_momentum_centered", {"type": "rmsprop", "lr": 0.005, "alpha": 0.9, "eps": 1e-6,
                                       "momentum": 0.8, "centered": True},
         lambda p: torch.optim.RMSprop([p], lr=0.005, alpha=0.9, eps=1e-6, momentum=0.8,
                                       centered=True)),
        ("adagrad", {"type": "adagrad", "lr": 0.1, "decay": 0.0, "initial": 0.0, "eps": 1e-10},
         lambda p: torch.optim.Adagrad([p], lr=0.1)),
        ("adagrad_decay", {"type": "adagrad", "lr": 0.1, "decay": 0.05, "initial": 0.5,
                           "eps": 1e-6},
         lambda p: torch.optim.Adagrad([p], lr=0.1, lr_decay=0.05, initial_accumulator_value=0.5,
                                       eps=1e-6)),
        ("adamw", {"type": "adamw", "lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8,
                   "weight_decay": 0.01},
         lambda p: torch.optim.AdamW([p], lr=1e-3)),
        ("adamw_strong", {"type": "adamw", "lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6,
                          "weight_decay": 0.5},
         lambda p: torch.optim.AdamW([p], lr=0.01, betas=(0.8, 0.99), eps=1e-6,
                                     weight_decay=0.5)),
        ("lion", {"type": "lion", "lr": 1e-3, "beta1": 0.9, "beta2": 0.99, "weight_decay": 0.0},
         lambda p: lion(1e-3)),
        ("lion_decay", {"type": "lion", "lr": 3e-3, "beta1": 0.95, "beta2": 0.98,
                        "weight_decay": 0.1},
         lambda p: lion(3e-3, (0.95, 0.98), 0.1)),
    ]
    runs = []
    for name, settings, make in configs:
        p = w0.clone().requires_grad_(True)
        opt = make(p)
        state = {}
        after = []
        for grad in grads:
            p.grad = grad.clone()
            if callable(opt) and not isinstance(opt, torch.optim.Optimizer):
                opt(p, state)
            else:
                opt.step()
            after.append(f32(p))
        runs.append({"name": name, **settings, "after": after})
    d = header("One parameter tensor of `size` values starts at `initial`; for each gradient in "
               "`gradients`, p.grad = gradient and optimizer.step(). `after[k]` holds the values "
               "after step k + 1. Lion follows the authors' reference implementation.")
    d.update({"size": size, "initial": f32(w0), "gradients": [f32(x) for x in grads],
              "optimizers": runs})
    write("optimizers_more.json", d)


def clipping():
    g = torch.Generator().manual_seed(11)
    shapes = [(5, 7), (7,), (33,)]
    grads = [torch.randn(*s, generator=g) * 0.7 for s in shapes]
    norm = math.sqrt(sum(float((x.double() ** 2).sum()) for x in grads))
    cases = []
    for kind, limit in [("norm", 2.0), ("norm", 100.0), ("norm", 0.5), ("value", 0.3),
                        ("value", 10.0)]:
        params = [torch.zeros_like(x, requires_grad=True) for x in grads]
        for p, x in zip(params, grads):
            p.grad = x.clone()
        if kind == "norm":
            total = torch.nn.utils.clip_grad_norm_(params, max_norm=limit)
            extra = {"total_norm": float(total)}
        else:
            torch.nn.utils.clip_grad_value_(params, clip_value=limit)
            extra = {}
        cases.append({"kind": kind, "limit": limit, **extra,
                      "after": [f32(p.grad.reshape(-1)) for p in params]})
    d = header("Three gradients (flattened, row-major) clipped by torch.nn.utils.clip_grad_norm_"
               " or clip_grad_value_; `after` are the clipped gradients.")
    d.update({"norm": norm, "gradients": [f32(x.reshape(-1)) for x in grads],
              "shapes": [list(s) for s in shapes], "cases": cases})
    write("clipping.json", d)


def main():
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    os.makedirs(pytorch_fixtures.OUT, exist_ok=True)
    schedules()
    optimizers()
    clipping()


if __name__ == "__main__":
    main()
