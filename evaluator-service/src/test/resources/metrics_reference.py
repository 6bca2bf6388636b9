"""Reference values for MetricsTest: scikit-learn / scipy / numpy on the arrays the test wrote.
Usage: python3 metrics_reference.py input.json -> prints one JSON object {case: value}."""
import json
import sys

import numpy as np
from scipy.stats import pearsonr, spearmanr
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, cohen_kappa_score, f1_score, log_loss,
                             mean_absolute_error, mean_squared_error, r2_score, roc_auc_score)

d = json.load(open(sys.argv[1]))
yb, pb = d["binary_truth"], d["binary_pred"]
ym, pm = d["multi_truth"], d["multi_pred"]
pr = np.array(d["binary_proba"])
yp = np.array(d["binary_proba_truth"])
P = np.array(d["multi_proba"]).T
Y = np.array(d["multi_onehot"]).T
yr = np.array(d["reg_truth"]).T
pr2 = np.array(d["reg_pred"]).T


def apk(actual, predicted, k):
    predicted = predicted[:k]
    score, hits = 0.0, 0.0
    for i, p in enumerate(predicted):
        if p in actual and p not in predicted[:i]:
            hits += 1.0
            score += hits / (i + 1.0)
    return score / min(len(actual), k)


def jaccard(a, b):
    a, b = set(a.lower().split()), set(b.lower().split())
    if not a and not b:
        return 0.5
    c = a & b
    return len(c) / (len(a) + len(b) - len(c))


out = {
    "accuracy_binary": accuracy_score(yb, pb),
    "balanced_accuracy_binary": balanced_accuracy_score(yb, pb),
    "f1_binary": f1_score(yb, pb, pos_label="1"),
    "accuracy_multi": accuracy_score(ym, pm),
    "balanced_accuracy_multi": balanced_accuracy_score(ym, pm),
    "f1_macro": f1_score(ym, pm, average="macro"),
    "f1_micro": f1_score(ym, pm, average="micro"),
    "qwk": cohen_kappa_score([int(v) for v in d["ordinal_truth"]], [int(v) for v in d["ordinal_pred"]], weights="quadratic"),
    "roc_auc_binary": roc_auc_score(yp, pr),
    "log_loss_binary": log_loss(yp, pr, eps=1e-15),
    "log_loss_multi": log_loss(Y.argmax(axis=1), P, eps=1e-15, labels=list(range(P.shape[1]))),
    "roc_auc_ovr": roc_auc_score(Y, P, average="macro"),
    "rmse": float(np.sqrt(mean_squared_error(yr[:, 0], pr2[:, 0]))),
    "rmse_pixels": float(np.sqrt(np.mean((yr.ravel() - pr2.ravel()) ** 2))),
    "mae": mean_absolute_error(yr[:, 0], pr2[:, 0]),
    "rmsle": float(np.sqrt(np.mean((np.log1p(pr2[:, 0]) - np.log1p(yr[:, 0])) ** 2))),
    "mean_columnwise_rmsle": float(np.mean([np.sqrt(np.mean((np.log1p(pr2[:, j]) - np.log1p(yr[:, j])) ** 2)) for j in range(yr.shape[1])])),
    "r2": r2_score(yr, pr2),
    "pearson": pearsonr(yr[:, 0], pr2[:, 0])[0],
    "spearman": spearmanr(d["rank_truth"], d["rank_pred"])[0],
    "map3": float(np.mean([apk([t], p.split(), 3) for t, p in zip(d["map_truth"], d["map_pred"])])),
    "jaccard": float(np.mean([jaccard(t, p) for t, p in zip(d["span_truth"], d["span_pred"])])),
}
print(json.dumps({k: float(v) for k, v in out.items()}))
