# ---- data: labelled image files found by id; a small CNN, on the GPU when granted one -------------

import torch

torch.manual_seed(SEED)
torch.set_num_threads(CPUS)
if int(os.environ.get("AUTOMLGEN_GPUS", "0") or 0) > 0 and MODEL[1].get("device") != "cpu" and torch.cuda.is_available():
    DEVICE = torch.device("cuda")
else:
    DEVICE = torch.device("cpu")


def load_images(ids, index, size):
    from PIL import Image
    missing = [i for i in ids if str(i) not in index]
    if missing:
        raise FileNotFoundError(f"{len(missing)} ids have no image file in {image_folders()}, e.g. {missing[:3]}")
    batch = np.zeros((len(ids), 3, size, size), dtype=np.float32)
    for row, image_id in enumerate(ids):
        with Image.open(index[str(image_id)]) as image:
            batch[row] = np.asarray(image.convert("RGB").resize((size, size), Image.BILINEAR), dtype=np.float32).transpose(2, 0, 1) / 255.0
    return batch


def augment(batch, generator):
    """Random horizontal/vertical flips and 90-degree rotations (aerial and texture images have no 'up')."""
    if generator.random() < 0.5:
        batch = batch.flip(3)
    if generator.random() < 0.5:
        batch = batch.flip(2)
    if generator.random() < 0.5:
        batch = batch.transpose(2, 3)
    return batch


def predict_images(model, images, tta):
    model.eval()
    outputs = []
    with torch.no_grad():
        for start in range(0, len(images), 256):
            batch = torch.from_numpy(images[start:start + 256]).to(DEVICE)
            views = [batch, batch.flip(3), batch.flip(2), batch.transpose(2, 3)] if tta else [batch]
            logits = torch.stack([model(v) for v in views]).mean(0)
            outputs.append(torch.sigmoid(logits[:, 0]).cpu().numpy() if logits.shape[1] == 1 else torch.softmax(logits, 1).cpu().numpy())
    return np.concatenate(outputs)


def train_network(images, y, epochs, score_images=None, score_y=None):
    params = MODEL[1]
    outputs = 1 if TASK_TYPE == "binary" else int(y.max()) + 1
    model = MODEL_FACTORIES[MODEL[0]](params, 3, outputs).to(DEVICE)
    optimiser = torch.optim.AdamW(model.parameters(), lr=float(params.get("learning_rate", 0.002)), weight_decay=1e-4)
    batch_size = int(params.get("batch_size", 64))
    max_lr = float(params.get("learning_rate", 0.002))
    steps_per_epoch = (len(images) + batch_size - 1) // batch_size
    step = 0
    loss_function = nn.BCEWithLogitsLoss() if outputs == 1 else nn.CrossEntropyLoss()
    generator = np.random.RandomState(SEED)
    augmenting = any(c == "augmentation.flip_rotate" for c, _ in TRAINING)
    epoch = 0
    slowest_epoch = 0.0
    while epoch < epochs:
        # Training may use about half of the time limit (loading, validation and prediction need the rest).
        # Whether an epoch is the last is decided before it starts, so the schedule still anneals within it.
        left = seconds_left(0.5)
        if epoch > 0 and left != float("inf"):
            affordable = epoch + (0 if left <= 0 else max(1, int(left // max(1e-9, slowest_epoch))))
            if affordable < epochs:
                epochs = affordable
                log(f"AUTOMLGEN_TIME_LIMIT={TIME_LIMIT:.0f}s: training {epochs} epochs in all")
                if epoch >= epochs:
                    break
        epoch += 1
        epoch_started = time.time()
        model.train()
        order = generator.permutation(len(images))
        total = 0.0
        for start in range(0, len(order), batch_size):
            chosen = order[start:start + batch_size]
            batch = torch.from_numpy(images[chosen]).to(DEVICE)
            if augmenting:
                batch = augment(batch, generator)
            target = torch.from_numpy(y[chosen]).to(DEVICE)
            logits = model(batch)
            loss = loss_function(logits[:, 0], target.float()) if outputs == 1 else loss_function(logits, target.long())
            optimiser.zero_grad()
            loss.backward()
            # one cycle: linear warm-up over the first 20% of steps, then cosine decay; recomputed from the
            # epoch count, which the time limit may shorten after the first epoch
            progress = step / max(1, epochs * steps_per_epoch)
            lr = max_lr * (progress / 0.2 if progress < 0.2 else 0.5 * (1 + np.cos(np.pi * (progress - 0.2) / 0.8)))
            for group in optimiser.param_groups:
                group["lr"] = max(lr, max_lr * 0.01)
            optimiser.step()
            step += 1
            total += loss.item() * len(chosen)
        message = f"epoch {epoch}/{epochs}: train loss {total / len(images):.4f}"
        if score_images is not None:
            message += f", validation {METRIC} {score(score_y, predict_images(model, score_images, False)):.5f}"
        log(message)
        slowest_epoch = max(slowest_epoch, time.time() - epoch_started)
    return model


def main():
    train = read_table(role_path("train"))
    valid = read_table(role_path("valid"))
    sample = read_table(role_path("sample_submission"))
    test = read_table(role_path("test"))
    if test is None or ID_COLUMN not in test.columns:
        test = sample[[ID_COLUMN]]
    refit = REFIT or valid is None
    size = int(dict(PREPROCESSING).get("preprocessing.image_resize_normalize", {}).get("size", MODEL[1].get("size", 32)))
    index = image_index()
    labels = train[LABEL_COLUMNS[0]]
    classes = np.array(sorted(labels.unique(), key=str))
    y = pd.Series(range(len(classes)), index=classes)[labels.values].values.astype(np.int64)
    log(f"loading {len(train)} train images at {size}x{size} from {image_folders()}; training on {DEVICE}")
    images = load_images(train[ID_COLUMN].tolist(), index, size)
    epochs = 1 if QUICK else int(MODEL[1].get("epochs", 10))
    tta = any(c == "strategy.tta" for c, _ in TRAINING)
    held_out, held_out_y = None, None
    calibrating = any(c in ("strategy.clip_probabilities", "strategy.temperature_scaling") for c, _ in POSTPROCESSING)
    if refit and not calibrating:
        model = train_network(images, y, epochs)
    else:  # a refit that calibrates keeps its holdout: without one it would submit T = 1 and the default eps
        from sklearn.model_selection import train_test_split
        fit_index, score_index = train_test_split(np.arange(len(y)), test_size=float(VALIDATION[1].get("fraction", 0.1)),
                                                  random_state=SEED, stratify=y if np.bincount(y).min() >= 2 else None)
        model = train_network(images[fit_index], y[fit_index], epochs, images[score_index], y[score_index])
        held_out, held_out_y = predict_images(model, images[score_index], tta), y[score_index]
        log(f"holdout {METRIC} with TTA={tta}: {score(held_out_y, held_out):.5f}")
    calibration = fit_calibration(held_out, held_out_y, dict(POSTPROCESSING))  # fitted on the holdout rows

    def columns_for(probabilities):
        if calibration is not None:
            probabilities = calibrated(probabilities, *calibration)
        if TASK_TYPE == "binary":
            return {SUBMISSION_COLUMNS[0]: probabilities if METRIC not in ("accuracy",) else classes[(probabilities >= 0.5).astype(int)]}
        if len(SUBMISSION_COLUMNS) > 1:
            return {str(c): probabilities[:, i] for i, c in enumerate(classes)}
        return {SUBMISSION_COLUMNS[0]: classes[probabilities.argmax(axis=1)]}

    if not refit:
        valid_images = load_images(valid[ID_COLUMN].tolist(), index, size)
        write_rows(role_path("valid_sample_submission"), valid[ID_COLUMN].tolist(), columns_for(predict_images(model, valid_images, tta)),
                   "valid_predictions.csv")
    test_images = load_images(test[ID_COLUMN].tolist(), index, size)
    write_rows(role_path("sample_submission"), test[ID_COLUMN].tolist(), columns_for(predict_images(model, test_images, tta)), "submission.csv")
    log("done")


main()
