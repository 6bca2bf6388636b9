"""AutoMLGen builtin pipeline: gradient-boosted trees on the tabular columns.

Reads the prepared inputs (docs/pipeline-contract.md), trains one model per target, writes
output/valid_predictions.csv (when input/ has a valid split) and output/submission.csv.
"""
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

TASK = json.loads(r'''__TASK_JSON__''')
INPUT = Path(os.environ.get("AUTOMLGEN_INPUT", "input"))
OUTPUT = Path(os.environ.get("AUTOMLGEN_OUTPUT", "output"))
SEED = int(os.environ.get("AUTOMLGEN_SEED", "0"))
START = time.time()


def log(message):
    print(f"[{time.time() - START:7.1f}s] {message}", flush=True)


def read_table(role):
    name = TASK["files"].get(role)
    if name is None or not (INPUT / name).exists():
        return None
    path = INPUT / name
    if path.suffix == ".json":
        return pd.DataFrame(json.loads(path.read_text()))
    return pd.read_csv(path)


def feature_columns(frame, excluded):
    numeric, categorical = [], []
    for column in frame.columns:
        if column in excluded:
            continue
        series = frame[column]
        if pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series):
            numeric.append(column)
        elif series.nunique(dropna=True) <= max(50, len(frame) // 20):
            categorical.append(column)  # free text and ids with many values are left out here
    return numeric, categorical


def make_model(numeric, categorical, classification):
    prep = ColumnTransformer([
        ("numeric", SimpleImputer(strategy="median"), numeric),
        ("categorical", make_pipeline(
            SimpleImputer(strategy="constant", fill_value="missing"),
            OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)), categorical),
    ])
    cat_mask = [False] * len(numeric) + [True] * len(categorical)
    booster = (HistGradientBoostingClassifier if classification else HistGradientBoostingRegressor)(
        max_iter=400, learning_rate=0.06, max_leaf_nodes=31, l2_regularization=1.0,
        categorical_features=cat_mask if categorical else None, early_stopping=True,
        validation_fraction=0.1, n_iter_no_change=30, random_state=SEED)
    return make_pipeline(prep, booster)


def to_frame(values):
    frame = values.copy()
    for column in frame.columns:
        if frame[column].dtype == bool:
            frame[column] = frame[column].astype(float)
        elif frame[column].dtype == object:
            frame[column] = frame[column].astype(str).where(frame[column].notna(), None)
    return frame


def predict(model, frame, classification, probabilities, submission_columns):
    """Predictions shaped as the submission's columns for this target."""
    if not classification:
        return {submission_columns[0]: model.predict(frame)}
    classes = list(model.classes_)
    if not probabilities:
        return {submission_columns[0]: model.predict(frame)}
    proba = model.predict_proba(frame)
    if len(submission_columns) == 1:  # binary: probability of the positive class
        positive = classes.index(True) if True in classes else len(classes) - 1
        return {submission_columns[0]: proba[:, positive]}
    by_name = {str(c): proba[:, i] for i, c in enumerate(classes)}
    return {column: by_name.get(column, np.zeros(len(frame))) for column in submission_columns}


def main():
    train, valid, test = read_table("train"), read_table("valid"), read_table("test")
    id_column, labels = TASK["id_column"], TASK["label_columns"]
    classification = TASK["task_type"] in ("binary", "multiclass")
    probabilities = TASK["probabilities"]
    excluded = set(labels) | {id_column}
    numeric, categorical = feature_columns(train, excluded)
    log(f"train {train.shape}, valid {None if valid is None else valid.shape}, test {test.shape}; "
        f"{len(numeric)} numeric and {len(categorical)} categorical features")
    columns = numeric + categorical
    valid_out = {id_column: valid[id_column]} if valid is not None else None
    test_out = {id_column: test[id_column]}
    targets = labels if TASK["task_type"] in ("multi_target_regression",) else labels[:1]
    for i, target in enumerate(targets):
        y = train[target]
        subs = [TASK["submission_columns"][i]] if len(targets) > 1 else TASK["submission_columns"]
        if TASK.get("log_target") and not classification:
            y = np.log1p(y.clip(lower=0))
        model = make_model(numeric, categorical, classification)
        model.fit(to_frame(train[columns]), y)
        log(f"fitted {target}")
        for frame, out in ((valid, valid_out), (test, test_out)):
            if frame is None:
                continue
            preds = predict(model, to_frame(frame[columns]), classification, probabilities, subs)
            for column, values in preds.items():
                out[column] = np.expm1(values).clip(min=0) if TASK.get("log_target") and not classification else values
    OUTPUT.mkdir(parents=True, exist_ok=True)
    if valid_out is not None:
        pd.DataFrame(valid_out).to_csv(OUTPUT / "valid_predictions.csv", index=False)
    pd.DataFrame(test_out).to_csv(OUTPUT / "submission.csv", index=False)
    log("wrote predictions")


if __name__ == "__main__":
    sys.exit(main())
