"""Scores a pipeline's valid_predictions.csv against the labels a full-data fixture kept aside (benchmark only).

usage: score_valid.py <fixture dir> <valid_predictions.csv> <bench task dir>
Prints one JSON object: metric, score, rows.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn import metrics

fixture, predictions_path, task_dir = sys.argv[1], sys.argv[2], sys.argv[3]
task = json.load(open(os.path.join(fixture, "task.json")))
metric, id_column, labels, columns = task["metric"], task["idColumn"], task["labelColumns"], task["submissionColumns"]
predicted = pd.read_csv(predictions_path, keep_default_na=False)

if task["taskType"] == "image_to_image":
    from PIL import Image
    parts = predicted[id_column].str.rsplit("_", n=2, expand=True)
    truth = np.zeros(len(predicted))
    for stem, rows in parts.groupby(0).indices.items():
        kept = os.path.join(fixture, "valid_targets", stem + ".png")
        path = kept if os.path.exists(kept) else os.path.join(task_dir, "public", "train_cleaned", stem + ".png")
        image = np.asarray(Image.open(path).convert("L"), dtype=float) / 255
        truth[rows] = image[parts.iloc[rows, 1].astype(int) - 1, parts.iloc[rows, 2].astype(int) - 1]
    value = float(np.sqrt(np.mean((predicted[columns[0]].astype(float).values - truth) ** 2)))
else:
    answers = pd.read_csv(os.path.join(fixture, "valid_labels.csv"), keep_default_na=False)
    assert len(answers) == len(predicted), "row counts differ"
    y = answers[labels[0]]
    if metric == "multi_class_log_loss":
        probabilities = predicted[columns].astype(float).values
        value = metrics.log_loss(y.astype(str), probabilities / probabilities.sum(1, keepdims=True), labels=columns)
    elif metric == "roc_auc":
        value = metrics.roc_auc_score(y.astype(str).str.lower().isin(["1", "true", "1.0"]).astype(int), predicted[columns[0]].astype(float))
    elif metric == "accuracy":
        value = float((predicted[columns[0]].astype(str) == y.astype(str)).mean())
    elif metric == "mean_columnwise_rmsle":
        value = float(np.mean([np.sqrt(np.mean((np.log1p(predicted[c].astype(float).clip(lower=0)) - np.log1p(answers[c].astype(float))) ** 2))
                               for c in columns]))
    elif metric == "pearson":
        value = float(np.corrcoef(predicted[columns[0]].astype(float), y.astype(float))[0, 1])
    elif metric.startswith("jaccard"):
        def jaccard(a, b):
            a, b = set(str(a).lower().split()), set(str(b).lower().split())
            return len(a & b) / len(a | b) if a | b else 1.0
        value = float(np.mean([jaccard(a, b) for a, b in zip(predicted[columns[0]], y)]))
    else:
        raise SystemExit(f"score_valid.py does not know metric {metric}")
print(json.dumps({"metric": metric, "score": round(value, 5), "rows": len(predicted)}))
