"""Builds examples/breast-cancer from the Wisconsin breast-cancer data that scikit-learn ships.

Run with /usr/bin/python3 (Debian's python3-sklearn). The task folder it writes follows the
MLE-bench-compatible layout of DESIGN §4: public/ for the solver, private/ for grading only.
"""
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

root = Path(__file__).resolve().parent / "breast-cancer"
data = load_breast_cancer(as_frame=True)
frame = data.frame.rename(columns=lambda c: c.replace(" ", "_"))
frame = frame.rename(columns={"target": "benign"})
frame.insert(0, "id", [f"p{i:04d}" for i in range(len(frame))])
train, test = train_test_split(frame, test_size=0.25, random_state=2024, stratify=frame["benign"])

(root / "public").mkdir(parents=True, exist_ok=True)
(root / "private").mkdir(parents=True, exist_ok=True)
train.to_csv(root / "public" / "train.csv", index=False, float_format="%.6g")
test.drop(columns=["benign"]).to_csv(root / "public" / "test.csv", index=False, float_format="%.6g")
pd.DataFrame({"id": test["id"], "benign": 0.5}).to_csv(root / "public" / "sample_submission.csv", index=False)
test[["id", "benign"]].to_csv(root / "private" / "test.csv", index=False)
print(f"train {train.shape}, test {test.shape}, positive rate {np.mean(frame['benign']):.3f}")
