#!/usr/bin/env python3
"""scikit-learn's side of `bin/lamina tabular-lab`: the same four datasets, read from the CSV files
Debian's python3-sklearn ships, the same 5 folds (sample i is tested in fold i mod 5), and
standardization fitted on each training fold. Prints one JSON line like the lab's --json.

    /usr/bin/python3 scripts/tabular_lab_sklearn.py

Models: MLPClassifier / MLPRegressor with scikit-learn's defaults (one hidden layer of 100 ReLU
units, Adam 1e-3, L2 1e-4, batch 200) but max_iter raised to 2000 so that they converge; for
diabetes also Ridge(alpha=1). The regressors predict the raw target (no target scaling), as
scikit-learn's defaults do. random_state=0 throughout.
"""

import gzip
import json
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Ridge
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DATA = "/usr/lib/python3/dist-packages/sklearn/datasets/data/"
FOLDS = 5


def load(name):
    if name in ("breast_cancer", "wine"):
        file = DATA + ("breast_cancer.csv" if name == "breast_cancer" else "wine_data.csv")
        table = np.loadtxt(file, delimiter=",", skiprows=1)
        return table[:, :-1], table[:, -1].astype(int)
    if name == "digits":
        table = np.loadtxt(gzip.open(DATA + "digits.csv.gz"), delimiter=",")
        return table[:, :-1], table[:, -1].astype(int)
    x = np.loadtxt(gzip.open(DATA + "diabetes_data_raw.csv.gz"))
    y = np.loadtxt(gzip.open(DATA + "diabetes_target.csv.gz"))
    return x, y


def cross_validate(x, y, make, score):
    fold = np.arange(len(y)) % FOLDS
    scores = []
    start = time.perf_counter()
    for f in range(FOLDS):
        model = make_pipeline(StandardScaler(), make())
        model.fit(x[fold != f], y[fold != f])
        scores.append(score(model, x[fold == f], y[fold == f]))
    return float(np.mean(scores)), time.perf_counter() - start


def main():
    warnings.simplefilter("ignore", ConvergenceWarning)
    results = []
    accuracy = lambda m, x, y: accuracy_score(y, m.predict(x))
    auc = lambda m, x, y: roc_auc_score(y, m.predict_proba(x)[:, 1])
    r2 = lambda m, x, y: r2_score(y, m.predict(x))
    mlp_c = lambda: MLPClassifier(max_iter=2000, random_state=0)
    for name in ("breast_cancer", "digits", "wine"):
        x, y = load(name)
        entry = {"name": name, "task": "binary" if name == "breast_cancer" else "multiclass",
                 "samples": len(y), "features": x.shape[1], "folds": FOLDS}
        entry["mlp_accuracy"], entry["mlp_seconds"] = cross_validate(x, y, mlp_c, accuracy)
        if name == "breast_cancer":
            entry["mlp_auc"], _ = cross_validate(x, y, mlp_c, auc)
        results.append(entry)
    x, y = load("diabetes")
    entry = {"name": "diabetes", "task": "regression", "samples": len(y), "features": x.shape[1],
             "folds": FOLDS}
    entry["mlp_r2"], entry["mlp_seconds"] = cross_validate(
        x, y, lambda: MLPRegressor(max_iter=2000, random_state=0), r2)
    entry["ridge_r2"], entry["ridge_seconds"] = cross_validate(x, y, lambda: Ridge(alpha=1.0), r2)
    results.append(entry)
    import sklearn
    print(json.dumps({"sklearn": sklearn.__version__, "datasets": results}))


if __name__ == "__main__":
    main()
