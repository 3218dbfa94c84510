#!/usr/bin/env python3
"""Writes scikit-learn's metrics on fixed inputs to
runtime/src/test/resources/fixtures/metrics.json for MetricsSklearnTest.

    /usr/bin/python3 scripts/sklearn_metric_fixtures.py

Classification: accuracy, confusion matrix, precision/recall/F1 per class, macro and micro
(zero_division=0), top-k accuracy; binary ROC-AUC (with tied scores); regression MAE, RMSE and R^2
(multioutput="uniform_average"). Seeded: running it twice writes identical files.
"""

import json
import os

import numpy as np
import sklearn
from sklearn import metrics

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "runtime", "src", "test",
                   "resources", "fixtures")


def f32(a):
    return [float(str(np.float32(x))) for x in np.asarray(a, dtype=np.float32).ravel()]


def classification(rng, n, classes, skew):
    p = np.array([skew ** c for c in range(classes)], dtype=float)
    truth = rng.choice(classes, size=n, p=p / p.sum())
    predicted = np.where(rng.random(n) < 0.6, truth, rng.integers(0, classes, n))
    if classes > 3:
        predicted[predicted == classes - 1] = 0  # a class never predicted: precision 0/0 -> 0
    scores = rng.normal(size=(n, classes)).astype(np.float32)
    scores[np.arange(n), truth] += 1.0
    case = {"classes": classes, "truth": truth.tolist(), "predicted": predicted.tolist(),
            "scores": f32(scores),
            "accuracy": metrics.accuracy_score(truth, predicted),
            "confusion": metrics.confusion_matrix(truth, predicted,
                                                  labels=list(range(classes))).tolist()}
    labels = list(range(classes))
    for avg in [None, "macro", "micro"]:
        name = "perClass" if avg is None else avg
        p_, r_, f_, _ = metrics.precision_recall_fscore_support(
            truth, predicted, labels=labels, average=avg, zero_division=0)
        case[name] = {"precision": np.atleast_1d(p_).tolist(), "recall": np.atleast_1d(r_).tolist(),
                      "f1": np.atleast_1d(f_).tolist()}
    case["topK"] = {str(k): metrics.top_k_accuracy_score(truth, scores.astype(np.float64), k=k,
                                                         labels=labels)
                    for k in range(1, min(classes, 4))} if classes > 2 else {}
    return case


def main():
    rng = np.random.default_rng(23)
    cls = [classification(rng, n, c, s) for n, c, s in [(40, 2, 1.0), (60, 3, 0.7),
                                                        (90, 5, 0.8), (25, 10, 1.0)]]
    auc = []
    for n, ties in [(30, False), (50, True), (200, False)]:
        truth = rng.integers(0, 2, n)
        scores = rng.normal(size=n) + truth * 0.8
        if ties:
            scores = np.round(scores * 2) / 2  # many equal scores across both classes
        scores = scores.astype(np.float32)
        auc.append({"truth": truth.tolist(), "scores": f32(scores),
                    "auc": metrics.roc_auc_score(truth, scores.astype(np.float64))})
    reg = []
    for n, outputs in [(20, 1), (35, 3)]:
        truth = (rng.normal(size=(n, outputs)) * 10 + 3).astype(np.float32)
        predicted = (truth + rng.normal(size=(n, outputs)) * 4).astype(np.float32)
        t = truth.astype(np.float64)
        p = predicted.astype(np.float64)
        reg.append({"outputs": outputs, "truth": f32(truth), "predicted": f32(predicted),
                    "mae": metrics.mean_absolute_error(t, p),
                    "rmse": metrics.mean_squared_error(t, p, squared=False),
                    "r2": metrics.r2_score(t, p)})
    payload = {"generator": "scripts/sklearn_metric_fixtures.py", "sklearn": sklearn.__version__,
               "classification": cls, "auc": auc, "regression": reg}
    path = os.path.join(OUT, "metrics.json")
    with open(path, "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
