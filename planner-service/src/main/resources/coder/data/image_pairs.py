# ---- data: input images and target images of the same name; a per-pixel model -----------------------

from PIL import Image


def read_grey(path):
    with Image.open(path) as image:
        return np.asarray(image.convert("L"), dtype=np.float32) / 255.0


def folder(role):
    path = role_path(role)
    if path is None or not os.path.isdir(path):
        raise FileNotFoundError(f"the {role} folder is missing from {INPUT} (roles: {sorted(ROLES)})")
    return path


def images_in(path):
    return {os.path.splitext(name)[0]: os.path.join(path, name) for name in sorted(os.listdir(path))}


def features_of(image):
    component, params = FEATURES[0]
    return FEATURE_BUILDERS[component](image, params)


def sample_pixels(pairs, total, generator):
    """An equal share of random pixels from every training image."""
    per_image = max(1, total // max(1, len(pairs)))
    blocks, targets = [], []
    for noisy_path, clean_path in pairs:
        noisy, clean = read_grey(noisy_path), read_grey(clean_path)
        if noisy.shape != clean.shape:
            raise ValueError(f"{noisy_path} and its target differ in size: {noisy.shape} vs {clean.shape}")
        chosen = generator.choice(noisy.size, size=min(per_image, noisy.size), replace=False)
        blocks.append(features_of(noisy)[chosen])
        targets.append(clean.ravel()[chosen])
    return np.vstack(blocks), np.concatenate(targets)


def predict_image(model, path):
    image = read_grey(path)
    return np.clip(model.predict(features_of(image)), 0, 1).reshape(image.shape)


def write_pixels(template_role, predictions, name):
    """Fills <image>_<row>_<col> ids (1-based) of the template from the predicted images."""
    template = read_table(role_path(template_role))
    parts = template[ID_COLUMN].astype(str).str.rsplit("_", n=2, expand=True)
    values = np.zeros(len(template), dtype=np.float32)
    for stem, rows in parts.groupby(0).indices.items():
        if stem not in predictions:
            raise KeyError(f"{name}: no prediction for image {stem}")
        r = parts.iloc[rows, 1].astype(int).values - 1
        c = parts.iloc[rows, 2].astype(int).values - 1
        values[rows] = predictions[stem][r, c]
    template[SUBMISSION_COLUMNS[0]] = np.round(values, 5)
    template.to_csv(os.path.join(OUTPUT, name), index=False)
    log(f"wrote {OUTPUT}/{name}: {len(template)} pixel rows")


class Blend:
    """The models' per-pixel predictions, mixed with the given weights."""

    def __init__(self, models, weights):
        self.models, self.weights = models, weights

    def predict(self, X):
        return sum(w * m.predict(X) for w, m in zip(self.weights, self.models))


def fit_all(X, y, weights):
    models = []
    for component, params in [MODEL] + ENSEMBLE:
        log(f"fitting {component} on {len(y)} pixels")
        models.append(MODEL_FACTORIES[component](dict(params), "regression").fit(X, y))
    return Blend(models, weights)


def holdout_weights(blend, images):
    """Grid over the primary model's share (the rest split evenly), scored by pixel RMSE on held-out pages."""
    if len(blend.models) == 1:
        return [1.0]
    features = [(features_of(read_grey(noisy)), read_grey(clean).ravel()) for noisy, clean in images]
    each = [[m.predict(X) for X, _ in features] for m in blend.models]
    best, chosen = None, None
    for first in np.linspace(0, 1, 11):
        weights = [first] + [(1 - first) / (len(blend.models) - 1)] * (len(blend.models) - 1)
        errors = np.concatenate([(np.clip(sum(w * p[i] for w, p in zip(weights, each)), 0, 1) - y) ** 2
                                 for i, (_, y) in enumerate(features)])
        if best is None or errors.mean() < best:
            best, chosen = errors.mean(), weights
    log(f"blend weights {np.round(chosen, 2).tolist()} (holdout RMSE {np.sqrt(best):.5f})")
    return chosen


def main():
    noisy = images_in(folder("train_images"))
    clean = images_in(folder("train_targets"))
    names = [n for n in noisy if n in clean]
    if not names:
        raise FileNotFoundError("no train image has a target image of the same name in train_targets")
    valid_path = role_path("valid_images")
    refit = REFIT or valid_path is None or role_path("valid_sample_submission") is None
    generator = np.random.RandomState(SEED)
    pixels = 20000 if QUICK else int(FEATURES[0][1].get("pixels", 400000))
    members = 1 + len(ENSEMBLE)
    weights = [1.0 / members] * members
    model = None
    # a blend's weights come from held-out images in the refit too: equal weights would submit another blend than it validated
    if len(names) >= 4 and (not refit or members > 1):
        held = generator.choice(len(names), size=max(1, int(len(names) * float(VALIDATION[1].get("fraction", 0.2)))), replace=False)
        score_names = [names[i] for i in held]
        fit_names = [n for n in names if n not in set(score_names)]
        fit_started = time.time()
        X, y = sample_pixels([(noisy[n], clean[n]) for n in fit_names], pixels, generator)
        blend = fit_all(X, y, weights)
        fit_seconds = time.time() - fit_started
        weights = holdout_weights(blend, [(noisy[n], clean[n]) for n in score_names])
        blend.weights = weights
        errors = [((predict_image(blend, noisy[n]) - read_grey(clean[n])) ** 2).ravel() for n in score_names]
        log(f"holdout pixel RMSE on {len(score_names)} images: {np.sqrt(np.concatenate(errors).mean()):.5f}")
        # Refitting on every train image helps a little; predicting and writing every pixel must still fit in time.
        if seconds_left(0.5) < fit_seconds:
            log(f"AUTOMLGEN_TIME_LIMIT={TIME_LIMIT:.0f}s: keeping the holdout model (no time to refit on all train images)")
            model = blend
    if model is None:
        X, y = sample_pixels([(noisy[n], clean[n]) for n in names], pixels, generator)
        log(f"refitting on all {len(names)} train images")
        model = fit_all(X, y, weights)
    if not refit:
        write_pixels("valid_sample_submission", {n: predict_image(model, p) for n, p in images_in(valid_path).items()},
                     "valid_predictions.csv")
    write_pixels("sample_submission", {n: predict_image(model, p) for n, p in images_in(folder("test_images")).items()},
                 "submission.csv")
    log("done")


main()
