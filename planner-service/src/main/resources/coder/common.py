import os

SEED = int(os.environ.get("AUTOMLGEN_SEED", "0"))
CPUS = max(1, int(os.environ.get("AUTOMLGEN_CPUS", "1")))
# AUTOMLGEN_QUICK=1 shrinks epochs, trees and samples so tests can run every pipeline in seconds.
QUICK = os.environ.get("AUTOMLGEN_QUICK", "") == "1"
# Seconds before the executor kills this script (0: no limit); long training loops stop in time to predict.
TIME_LIMIT = float(os.environ.get("AUTOMLGEN_TIME_LIMIT", "0") or 0)
INPUT = os.environ.get("AUTOMLGEN_INPUT", "input")
OUTPUT = os.environ.get("AUTOMLGEN_OUTPUT", "output")
# Pretrained weights the executor mounts read-only (the sandbox has no network to fetch any).
MODELS = os.environ.get("AUTOMLGEN_MODELS", "models")
SENTENCE_ENCODER = os.path.join(MODELS, "all-minilm-l6-v2")
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(CPUS)

import glob
import json
import random
import sys
import time
import warnings

import numpy as np
import pandas as pd
from scipy import sparse

warnings.filterwarnings("ignore")
random.seed(SEED)
np.random.seed(SEED)
os.makedirs(OUTPUT, exist_ok=True)
START = time.time()

# Component templates register themselves here by knowledge-base id.
FEATURE_BUILDERS = {}
# FEATURE_BUILDERS ids whose blocks are fitted on labels (target means, stacked models' predictions): called as
# builder(context, params, fit_sets), they return one block per set of train rows, using no label outside that set
LABEL_FEATURES = set()
PREPROCESSORS = {}
MODEL_FACTORIES = {}
# MODEL_FACTORIES ids whose models read the row's strings (data.tabular_frame's text_inputs: pair columns first) instead
# of the feature matrix: fine-tuned encoders that need the words themselves
TEXT_MODELS = set()
# Models that answer span tasks themselves (data.span_text) rather than score tokens: by id, a class taking the model's
# params, with fit(texts, conditions, word_labels) and extract(texts, conditions) -> answers
SPAN_EXTRACTORS = {}
SEARCH_SPACES = {}


def seconds_left(share):
    """Seconds until `share` of the time limit is used (infinite without a limit)."""
    return share * TIME_LIMIT - (time.time() - START) if TIME_LIMIT > 0 else float("inf")


def sentence_encoder_present():
    """Whether the executor mounted the pretrained sentence encoder (feature.phrase_embeddings needs it)."""
    return os.path.isfile(os.path.join(SENTENCE_ENCODER, "model.onnx"))


def log(message):
    print(f"[{time.time() - START:7.1f}s] {message}", flush=True)


def role_path(role):
    """The prepared file for a role, from the roles the evaluator listed, else by name (role.*)."""
    named = ROLES.get(role)
    if named and os.path.exists(os.path.join(INPUT, named)):
        return os.path.join(INPUT, named)
    for candidate in sorted(glob.glob(os.path.join(INPUT, role + ".*")) + [os.path.join(INPUT, role)]):
        if os.path.exists(candidate):
            return candidate
    return None


def read_table(path):
    """A CSV (plain or gzipped) or JSON (list of records or JSON lines) as a DataFrame; None for a folder."""
    if path is None or os.path.isdir(path):
        return None
    if path.endswith(".json") or path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as handle:
            text = handle.read().strip()
        records = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
        return pd.DataFrame.from_records(records)
    return pd.read_csv(path, low_memory=False)


def score(y_true, prediction):
    """The task's metric on our own held-out rows (the evaluator's score is the one that counts)."""
    from sklearn import metrics
    y_true = np.asarray(y_true)
    prediction = np.asarray(prediction)
    if METRIC in ("multi_class_log_loss", "log_loss", "logloss"):
        if prediction.ndim == 1:
            prediction = np.column_stack([1 - prediction, prediction])
        prediction = np.clip(prediction, 1e-15, 1)
        prediction = prediction / prediction.sum(axis=1, keepdims=True)
        return metrics.log_loss(y_true, prediction, labels=list(range(prediction.shape[1])))
    if METRIC in ("roc_auc", "auc"):
        return metrics.roc_auc_score(y_true, prediction)
    if METRIC == "accuracy":
        if prediction.ndim == 2:
            prediction = prediction.argmax(axis=1)
        elif prediction.dtype.kind == "f":
            prediction = (prediction >= 0.5).astype(int)
        return metrics.accuracy_score(y_true, prediction)
    if METRIC in ("rmsle", "mean_columnwise_rmsle"):
        clipped = np.clip(prediction, 0, None)
        errors = (np.log1p(clipped) - np.log1p(np.clip(y_true, 0, None))) ** 2
        return float(np.mean(np.sqrt(errors.reshape(len(errors), -1).mean(axis=0))))
    if METRIC == "pearson":
        return float(np.corrcoef(y_true.ravel(), prediction.ravel())[0, 1])
    if METRIC in ("mae", "mean_absolute_error"):
        return metrics.mean_absolute_error(y_true, prediction)
    if METRIC in ("r2",):
        return metrics.r2_score(y_true, prediction)
    if METRIC.startswith("f1"):
        return metrics.f1_score(y_true, (prediction >= 0.5).astype(int) if prediction.dtype.kind == "f" else prediction,
                                average="binary" if prediction.ndim == 1 else "macro")
    return float(np.sqrt(np.mean((y_true - prediction) ** 2)))


def better(a, b):
    return a < b if LOWER_IS_BETTER else a > b


# Probability post-processing for log-loss, fitted on held-out predictions: a confidently wrong row costs
# -log(eps) while every row pays about (classes - 1) * eps, so neither a fixed eps nor T = 1 suits every model.
TEMPERATURES = (1.0, 0.6, 0.7, 0.8, 0.9, 1.1, 1.25, 1.5, 2.0, 3.0)
EPSILONS = (1e-6, 1e-5, 1e-4, 1e-3, 1e-2)  # 1e-6 at least: insurance costing (classes - 1) * 1e-6 a row
DEFAULT_EPSILON = 1e-4


def standardised(block, n_train):
    """Zero mean and unit variance by train-row statistics (the first n_train rows); constant columns are only centred."""
    train_part = block[:n_train]
    mean, std = np.nanmean(train_part, axis=0), np.nanstd(train_part, axis=0)
    return (block - mean) / np.where(std > 0, std, 1)


def calibrated(probabilities, temperature, epsilon):
    """Probabilities sharpened (T < 1) or softened (T > 1) in log space and clipped to [eps, 1 - eps];
    multiclass rows are renormalised, a binary column (1-D or one column) keeps its shape."""
    p = np.clip(np.asarray(probabilities, dtype=float), 1e-15, 1 - 1e-15)
    if p.ndim == 2 and p.shape[1] > 1:
        logits = np.log(p) / temperature
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p = np.clip(p / p.sum(axis=1, keepdims=True), epsilon, 1 - epsilon)
        return p / p.sum(axis=1, keepdims=True)
    return np.clip(1 / (1 + np.exp(-np.log(p / (1 - p)) / temperature)), epsilon, 1 - epsilon)


def fit_calibration(probabilities, y, post):
    """(temperature, epsilon) for strategy.temperature_scaling and strategy.clip_probabilities; None without either.

    Both are chosen on held-out predictions (out-of-fold or holdout rows, never the rows that are then
    scored); an `epsilon` parameter is kept as given. Without held-out predictions: T = 1 and the default eps.
    """
    if "strategy.clip_probabilities" not in post and "strategy.temperature_scaling" not in post:
        return None
    clip = post.get("strategy.clip_probabilities")
    if clip is not None and "epsilon" in clip:
        epsilons = (float(clip["epsilon"]),)
    else:
        epsilons = EPSILONS if clip is not None else (1e-15,)
    temperatures = TEMPERATURES if "strategy.temperature_scaling" in post else (1.0,)
    if probabilities is None or len(probabilities) < 20:
        return 1.0, (epsilons[0] if len(epsilons) == 1 else DEFAULT_EPSILON)
    best = None
    for temperature in temperatures:
        for epsilon in epsilons:
            value = score(y, calibrated(probabilities, temperature, epsilon))
            if best is None or better(value, best[0]):
                best = (value, temperature, epsilon)
    value, temperature, epsilon = best
    log(f"calibration on {len(y)} held-out rows: temperature {temperature}, eps {epsilon:g} ({METRIC} {value:.5f})")
    return temperature, epsilon


def write_rows(template_path, ids, columns_to_values, name):
    """Fills the template's prediction columns and writes it with the template's columns, rows and order.

    Predictions come in the order of `ids`; where the template lists the same unique ids in another
    order they are matched by id, otherwise by position.
    """
    template = read_table(template_path)
    if len(template) != len(ids):
        raise ValueError(f"{os.path.basename(template_path)} has {len(template)} rows but {len(ids)} were predicted")
    order = np.arange(len(ids))
    wanted = template[ID_COLUMN].astype(str).tolist() if ID_COLUMN in template.columns else None
    given = [str(i) for i in ids]
    if wanted is not None and wanted != given and len(set(given)) == len(given):
        position = {value: index for index, value in enumerate(given)}
        missing = [value for value in wanted if value not in position]
        if missing:
            raise ValueError(f"{os.path.basename(template_path)} lists ids we did not predict, e.g. {missing[:3]}")
        order = np.array([position[value] for value in wanted])
    for column, values in columns_to_values.items():
        template[column] = np.asarray(values)[order]
    template.to_csv(os.path.join(OUTPUT, name), index=False)
    log(f"wrote {OUTPUT}/{name}: {template.shape[0]} rows x {template.shape[1]} columns")


def image_folders():
    """Every prepared image folder (train_images, valid_images, test_images, images, ...)."""
    named = [os.path.join(INPUT, path) for role, path in ROLES.items() if "image" in role]
    found = [p for p in glob.glob(os.path.join(INPUT, "*")) if os.path.isdir(p) and "image" in os.path.basename(p)]
    return [p for p in dict.fromkeys(named + sorted(found)) if os.path.isdir(p)]


def image_index():
    """File name and file stem → path, over all image folders (ids may name the file with or without extension)."""
    index = {}
    for folder in image_folders():
        for path in glob.glob(os.path.join(folder, "**", "*"), recursive=True):
            if os.path.isfile(path):
                name = os.path.basename(path)
                index.setdefault(name, path)
                index.setdefault(os.path.splitext(name)[0], path)
    return index


def load_row_images(context, size, grey):
    """The image of every row, found by id in the image folders, resized; rows without an image get None."""
    from PIL import Image
    index = image_index()
    images = []
    for part, count in context.parts:
        for row_id in context.ids[part]:
            path = index.get(str(row_id))
            if path is None:
                images.append(None)
                continue
            with Image.open(path) as image:
                image = image.convert("L" if grey else "RGB").resize((size, size), Image.BILINEAR)
                images.append(np.asarray(image, dtype=np.float32) / 255.0)
    return images
