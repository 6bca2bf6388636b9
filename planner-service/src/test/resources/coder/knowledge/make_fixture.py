"""Builds a small prepared task folder (docs/pipeline-contract.md) from a sample of a bench task's public files.

usage: make_fixture.py <bench task dir> <out dir> <train rows> <seed>
With <train rows> 0 it uses all the public data: a seeded 80/20 split of train into train and valid, the whole
test set, and <out>/valid_labels.csv (kept outside input/) for scoring the valid predictions.
Writes <out>/input (train, valid without labels, test, sample_submission, valid_sample_submission and extras),
<out>/full (every sampled labelled row as train, no valid), and <out>/task.json, <out>/inputs.json,
<out>/full_inputs.json (TaskInfo and PreparedInputs as the evaluator would send them). Never reads private/.
"""
import json
import os
import shutil
import sys
import zipfile

import numpy as np
import pandas as pd
import yaml

task_dir, out_dir, rows, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
public = os.path.join(task_dir, "public")
spec = yaml.safe_load(open(os.path.join(task_dir, "task.yaml")))
files = spec["files"]
id_column, labels = spec["id_column"], spec.get("label_columns") or []
rng = np.random.RandomState(seed)
IMAGE_EXT = (".png", ".jpg", ".jpeg", ".tif", ".bmp")


def read(path):
    if path.endswith(".json"):
        return pd.DataFrame.from_records(json.load(open(path)))
    return pd.read_csv(path, low_memory=False)


def write(frame, folder, name):
    path = os.path.join(folder, name)
    if name.endswith(".json"):
        frame.to_json(path, orient="records")
    else:
        frame.to_csv(path, index=False)
    return name


def copy_images(source, names, target):
    """Copies (or extracts from a zip) the named image files into target."""
    os.makedirs(target, exist_ok=True)
    if source.endswith(".zip"):
        with zipfile.ZipFile(source) as archive:
            members = {os.path.basename(m): m for m in archive.namelist()}
            for name in names:
                with open(os.path.join(target, name), "wb") as handle:
                    handle.write(archive.read(members[name]))
    else:
        for name in names:
            shutil.copy(os.path.join(source, name), os.path.join(target, name))
    return os.path.basename(target)


def pixel_ids(folder, names):
    from PIL import Image
    ids = []
    for name in names:
        height, width = np.asarray(Image.open(os.path.join(folder, name))).shape[:2]
        stem = os.path.splitext(name)[0]
        ids.extend(f"{stem}_{r}_{c}" for r in range(1, height + 1) for c in range(1, width + 1))
    return ids


def build(folder, train, valid, test, sample, valid_sample, extras):
    os.makedirs(folder, exist_ok=True)
    ext = ".json" if files["train"].endswith(".json") else ".csv"
    roles = {"train": write(train, folder, "train" + ext), "test": write(test, folder, "test" + (ext if files.get("test", "").endswith(ext) else ".csv")),
             "sample_submission": write(sample, folder, "sample_submission.csv")}
    if valid is not None:
        roles["valid"] = write(valid, folder, "valid" + ext)
        roles["valid_sample_submission"] = write(valid_sample, folder, "valid_sample_submission.csv")
    for role, builder in extras.items():
        result = builder(folder)
        if result is not None:  # an extra named like a role (nomad's train/ geometry folder) keeps its file name
            roles[role if role not in roles else role + "/"] = result
    return roles


sample_path = os.path.join(public, files["sample_submission"])
sample_full = read(sample_path) if os.path.exists(sample_path) else None  # rebuilt from the pages when absent
extras = {}
train_source = os.path.join(public, files["train"])
if os.path.isdir(train_source):  # image-to-image: folders of pages and their clean targets
    names = sorted(n for n in os.listdir(train_source) if n.lower().endswith(IMAGE_EXT))
    chosen = list(rng.permutation(names)[: max(4, rows // 40)]) if rows > 0 else list(rng.permutation(names))
    n_valid = max(1, len(chosen) // 4) if rows > 0 else len(chosen) // 5
    train_names, valid_names = chosen[n_valid:], chosen[:n_valid]
    test_source = os.path.join(public, files["test"])
    test_names = sorted(n for n in os.listdir(test_source) if n.lower().endswith(IMAGE_EXT))[: 2 if rows > 0 else None]
    targets = os.path.join(public, "train_cleaned")
    stems = lambda ns: pd.DataFrame({id_column: [os.path.splitext(n)[0] for n in ns]})
    if sample_full is None:
        sample = pd.DataFrame({id_column: pixel_ids(test_source, test_names), spec["submission_columns"][0]: 1.0})
    else:
        test_pixels = set(pixel_ids(test_source, test_names))
        sample = sample_full[sample_full[id_column].isin(test_pixels)].reset_index(drop=True)
    valid_sample = pd.DataFrame({id_column: pixel_ids(train_source, valid_names), spec["submission_columns"][0]: 1.0})

    def image_extras(with_valid):
        roles = {"train_images": lambda f: copy_images(train_source, train_names + ([] if with_valid else valid_names), os.path.join(f, "train_images")),
                 "train_targets": lambda f: copy_images(targets, train_names + ([] if with_valid else valid_names), os.path.join(f, "train_targets")),
                 "test_images": lambda f: copy_images(test_source, test_names, os.path.join(f, "test_images"))}
        if with_valid:
            roles["valid_images"] = lambda f: copy_images(train_source, valid_names, os.path.join(f, "valid_images"))
        return roles

    input_roles = build(os.path.join(out_dir, "input"), stems(train_names), stems(valid_names), stems(test_names), sample,
                        valid_sample, image_extras(True))
    full_roles = build(os.path.join(out_dir, "full"), stems(train_names + valid_names), None, stems(test_names), sample, None,
                       image_extras(False))
    counts = (len(train_names), len(valid_names), len(test_names))
    if rows <= 0:  # benchmark scoring needs the clean valid pages, kept outside input/
        copy_images(targets, valid_names, os.path.join(out_dir, "valid_targets"))
else:
    train_full = read(train_source)
    full_data = rows <= 0
    if full_data:
        rows = int(len(train_full) * 0.8)
    picked = train_full.iloc[rng.permutation(len(train_full))[: rows + (len(train_full) - rows if full_data else rows // 3)]].reset_index(drop=True)
    train, valid_labelled = picked.iloc[:rows].reset_index(drop=True), picked.iloc[rows:].reset_index(drop=True)
    test_file = os.path.join(public, files["test"])
    n_test = len(sample_full) if full_data else max(20, rows // 3)
    if test_file.endswith(".zip"):  # no test table: the sample submission lists the test ids
        sample = sample_full.iloc[:n_test].reset_index(drop=True)
        test = sample[[id_column]].copy()
    else:
        test = read(test_file).iloc[:n_test].reset_index(drop=True)
        unique = id_column in sample_full.columns and sample_full[id_column].is_unique and test[id_column].is_unique
        sample = (sample_full.set_index(id_column).loc[test[id_column]].reset_index()[sample_full.columns] if unique
                  else sample_full.iloc[:n_test].reset_index(drop=True))
    valid = valid_labelled.drop(columns=labels)
    if full_data:
        os.makedirs(out_dir, exist_ok=True)
        valid_labelled[[id_column] + labels].to_csv(os.path.join(out_dir, "valid_labels.csv"), index=False)
    valid_sample = pd.DataFrame({c: valid[c].values if c in valid.columns else sample_full[c].iloc[0] for c in sample_full.columns})
    all_ids = set(map(str, pd.concat([train[id_column], valid[id_column], test[id_column]])))
    for name in sorted(os.listdir(public)):
        path = os.path.join(public, name)
        if name.endswith(".zip") and name.replace(".zip", "") in ("train", "test"):
            with zipfile.ZipFile(path) as archive:
                if not any(m.lower().endswith(IMAGE_EXT) for m in archive.namelist()):
                    continue
            part = name.replace(".zip", "")
            wanted = (set(map(str, train[id_column])) | set(map(str, valid[id_column]))) if part == "train" else set(map(str, test[id_column]))
            wanted_all = (set(map(str, train[id_column])) | set(map(str, valid_labelled[id_column]))) if part == "train" else wanted
            extras[part + "_images"] = (lambda p, w: lambda f: copy_images(p, sorted(w), os.path.join(f, os.path.basename(p).replace(".zip", "_images"))))(path, wanted_all)
        elif os.path.isdir(path):
            entries = os.listdir(path)
            if all(os.path.isdir(os.path.join(path, e)) for e in entries[:20]):  # one sub-folder per row id
                part_ids = set(map(str, test[id_column])) if name == "test" else set(map(str, picked[id_column]))
                extras[name] = (lambda p, n, w: lambda f: (shutil.copytree(p, os.path.join(f, n), dirs_exist_ok=True, ignore=lambda d, c: [x for x in c if d == p and x not in w]), n)[1])(path, name, part_ids)
            else:
                extras[name] = (lambda p, n: lambda f: copy_images(p, sorted(e for e in os.listdir(p) if os.path.splitext(e)[0] in all_ids), os.path.join(f, n)))(path, name)
    input_roles = build(os.path.join(out_dir, "input"), train, valid, test, sample, valid_sample, extras)
    full_roles = build(os.path.join(out_dir, "full"), picked, None, test, sample, None, extras)
    counts = (len(train), len(valid), len(test))

task = {"name": spec["name"], "modality": spec["modality"], "taskType": spec["task_type"], "metric": spec["metric"],
        "lowerIsBetter": spec["lower_is_better"], "idColumn": id_column, "labelColumns": labels,
        "submissionColumns": spec["submission_columns"], "files": files,
        "description": open(os.path.join(task_dir, "description.md")).read(), "notes": spec.get("notes", "")}
json.dump(task, open(os.path.join(out_dir, "task.json"), "w"))
for name, folder, roles, valid_rows in (("inputs.json", "input", input_roles, counts[1]), ("full_inputs.json", "full", full_roles, 0)):
    json.dump({"inputDir": os.path.join(out_dir, folder), "files": roles, "trainRows": counts[0] + (counts[1] if folder == "full" else 0),
               "validRows": valid_rows, "testRows": counts[2]}, open(os.path.join(out_dir, name), "w"))
print(json.dumps({"input": input_roles, "counts": counts}))
