"""nomad2018: 5-fold CV (two fold seeds) of an xgboost like the knowledge coder's first draft, on public/train.csv's
columns alone, plus the geometry block before da57ea3 (distances inside the cell), plus the block since (periodic).
Reads public/ only. Run: /usr/bin/python3 cv-geometry.py [none|inside-cell|periodic] from the repository root."""
import glob
import os
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import KFold

PUBLIC = "../shared/bench/nomad2018-predict-transparent-conductors/public"
TARGETS = ["formation_energy_ev_natom", "bandgap_energy_ev"]


def inside_cell(path):
    """The block before da57ea3: nearest neighbours among the cell's own atoms."""
    lattice, atoms = [], []
    for line in open(path):
        fields = line.split()
        if fields and fields[0] == "lattice_vector":
            lattice.append([float(v) for v in fields[1:4]])
        elif fields and fields[0] == "atom":
            atoms.append(([float(v) for v in fields[1:4]], fields[4]))
    features = {"volume": abs(np.linalg.det(np.array(lattice)))}
    positions, elements = np.array([a[0] for a in atoms]), np.array([a[1] for a in atoms])
    distances = np.sqrt(((positions[:, None, :] - positions[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(distances, np.inf)
    nearest = distances.min(axis=1)
    features["atoms"], features["density"] = len(atoms), len(atoms) / features["volume"]
    for element in np.unique(elements):
        mask = elements == element
        features[f"share_{element}"] = mask.mean()
        features[f"nn_mean_{element}"], features[f"nn_min_{element}"] = nearest[mask].mean(), nearest[mask].min()
        others = distances[mask][:, ~mask]
        if others.size:
            features[f"to_other_mean_{element}"] = np.sort(others, axis=1)[:, : min(4, others.shape[1])].mean()
    return features


def periodic():
    """The block since da57ea3, from the coder's own template (its definitions only; nothing in it runs on load)."""
    scope = {"np": np, "pd": pd, "glob": glob, "os": os, "INPUT": PUBLIC, "FEATURE_BUILDERS": {}, "log": print}
    exec(open("planner-service/src/main/resources/coder/feature/geometry_xyz.py").read(), scope)
    return scope["xyz_features"]


def main(which):
    train = pd.read_csv(f"{PUBLIC}/train.csv")
    block = {"none": None, "inside-cell": inside_cell, "periodic": None if which != "periodic" else periodic()}[which]
    rows = [block(f"{PUBLIC}/train/{i}/geometry.xyz") if block else {} for i in train.id]
    X = pd.concat([train.drop(columns=["id"] + TARGETS), pd.DataFrame(rows).fillna(-1)], axis=1).values.astype(float)
    scores = []
    for seed in (0, 1):
        errors = []
        for column in TARGETS:
            y, oof = np.log1p(train[column].values), np.zeros(len(train))
            for fit, held in KFold(5, shuffle=True, random_state=seed).split(X):
                model = xgb.XGBRegressor(n_estimators=800, max_depth=5, learning_rate=0.03, subsample=0.8,
                                         colsample_bytree=0.7, n_jobs=2, random_state=seed)
                oof[held] = model.fit(X[fit], y[fit]).predict(X[held])
            errors.append(np.sqrt(np.mean((oof - y) ** 2)))
        scores.append(np.mean(errors))
        print(which, "fold seed", seed, "RMSLE per target", [round(e, 5) for e in errors], "mean", round(scores[-1], 5))
    print(which, X.shape[1], "columns, mean over fold seeds", round(np.mean(scores), 5))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "periodic")
