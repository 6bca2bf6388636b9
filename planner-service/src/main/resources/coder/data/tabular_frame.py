# ---- data: one frame of train, valid and test rows; each feature block adds columns ---------------

HARD_LABEL_METRICS = ("accuracy", "f1", "f1_macro", "f1_micro")


def load_frames():
    train = read_table(role_path("train"))
    valid = read_table(role_path("valid"))
    sample = read_table(role_path("sample_submission"))
    test = read_table(role_path("test"))
    if test is None or ID_COLUMN not in test.columns and ID_COLUMN in sample.columns:
        test = sample[[ID_COLUMN]].copy()  # image tasks list their test ids in the sample submission
    missing = [c for c in LABEL_COLUMNS if c not in train.columns]
    if missing:
        raise KeyError(f"label column(s) {missing} are not in the train file (columns: {list(train.columns)[:20]})")
    return train, valid, test


def cell_text(value):
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def column_kinds(frame):
    """numeric / categorical / text for every usable column: long free text is text, short strings are categories."""
    kinds = {}
    for column in frame.columns:
        values = frame[column]
        if values.map(lambda v: isinstance(v, (list, tuple, dict))).any():
            kinds[column] = "text"
        elif values.dtype == bool or values.dropna().isin([True, False]).all() and values.dtype == object and values.notna().any():
            kinds[column] = "numeric"
        elif pd.api.types.is_numeric_dtype(values):
            kinds[column] = "numeric"
        else:
            strings = values.dropna().astype(str)
            words = strings.str.split().str.len().mean() if len(strings) else 0
            kinds[column] = "text" if words >= 4 or strings.str.len().mean() > 40 else "categorical"
    return kinds


def structured_parts(values):
    """Splits strings that consistently hold several fields ("B/0/P", "0042_01", "John Smith") into the parts that
    say something: numbers, or values that repeat across rows; a part that is the same on every row or a different
    word on each ("t3" and "kx8zr" of reddit's "t3_kx8zr" ids) is left out. None where no part is left."""
    strings = values.dropna().astype(str)
    for delimiter in ("/", "_", "-", " "):
        counts = strings.str.count(delimiter if delimiter != " " else r"\s+")
        if len(strings) and (counts > 0).mean() > 0.9 and counts.nunique() == 1 and counts.iloc[0] <= 3:
            parts = values.astype(str).where(values.notna()).str.split(delimiter if delimiter != " " else r"\s+",
                                                                      expand=True, regex=delimiter == " ")
            telling = [i for i in parts.columns if parts[i].nunique() > 1 and (part_is_number(parts[i]) or part_repeats(parts[i]))]
            return parts[telling] if telling else None
    return None


def part_is_number(part):
    return pd.to_numeric(part, errors="coerce").notna().mean() > 0.9


def part_repeats(part):
    return part.nunique() < 0.5 * len(part)


def id_prefixes(ids):
    """The first field of structured ids ("0042_01" -> "0042"), or None where that field does not group rows: missing,
    different on every row, or the same on all (reddit's "t3_..." ids)."""
    prefixes = ids.astype(str).str.extract(r"^([^_\-/]+)[_\-/]")[0]
    if prefixes.isna().any() or prefixes.nunique() in (1, len(prefixes)):
        return None
    return prefixes


def pair_columns(context):
    """The two phrase columns of a pair task: the string columns with the most distinct values."""
    candidates = context.columns("text") + context.columns("categorical")
    ranked = sorted(candidates, key=lambda c: -context.frame[c].nunique())
    if len(ranked) < 2:
        raise ValueError(f"a phrase-pair feature block needs two text columns, found {ranked}")
    return ranked[1], ranked[0]


def text_inputs(context):
    """What a TEXT_MODELS model reads: each row's string columns as strings, the pair columns first where there are two."""
    strings = context.columns("text") + context.columns("categorical")
    first = list(pair_columns(context)) if len(strings) >= 2 else []
    columns = first + [c for c in strings if c not in first]
    if not columns:
        raise ValueError(f"the pipeline has a model that reads text columns ({', '.join(sorted(TEXT_MODELS))}) and this table "
                         "has none; use a model on the feature matrix")
    return np.array([[cell_text(v) for v in row] for row in context.frame[columns].itertuples(index=False)], dtype=object)


def date_stamps(frame):
    """Timestamps of the date-like columns (named date/time/timestamp; unix seconds or parseable strings), by column."""
    found = {}
    for column in frame.columns:
        values = frame[column]
        stamps = None
        named = any(word in column.lower() for word in ("date", "time", "timestamp"))
        if pd.api.types.is_numeric_dtype(values) and named and values.dropna().between(1e8, 4e9).all():
            stamps = pd.to_datetime(values, unit="s", errors="coerce")
        elif values.dtype == object and named:
            stamps = pd.to_datetime(values.astype(str).str.rstrip("Z"), errors="coerce")
        if stamps is not None and stamps.notna().mean() >= 0.5:
            found[column] = stamps
    return found


def crossable_categories(frame, kinds):
    """Categorical columns with few enough values (50) that their pairwise combinations still repeat."""
    return [c for c, k in kinds.items() if k == "categorical" and frame[c].nunique() <= 50]


def blocks_without_input(frame, kinds):
    """Feature blocks that would build nothing from this table (no structured strings to split, no id groups, no dates,
    nothing to cross) or on this executor (no pretrained sentence encoder): the log says so, and the coder stops
    proposing them."""
    has_id = ID_COLUMN in frame.columns
    splittable = [c for c, k in kinds.items() if k == "categorical"] + ([ID_COLUMN] if has_id else [])
    empty = []
    if not any(structured_parts(frame[c]) is not None for c in splittable):
        empty.append("feature.string_split")
    if not has_id or id_prefixes(frame[ID_COLUMN]) is None:
        empty.append("feature.group_aggregates")
    if not date_stamps(frame):
        empty.append("feature.datetime_parts")
    if sum(k == "numeric" for k in kinds.values()) < 2 and len(crossable_categories(frame, kinds)) < 2:
        empty.append("feature.feature_crosses")
    if not sentence_encoder_present():
        empty.append("feature.phrase_embeddings")
    return empty


class Context:
    """What feature blocks may know: the frame, column kinds, labels of the training rows only, and the validation
    folds' scored rows (folds) and groups, for blocks fitted on labels."""

    def __init__(self, frame, kinds, n_train, y, parts, ids, folds=None, groups=None):
        self.frame, self.kinds, self.n_train, self.y, self.parts, self.ids = frame, kinds, n_train, y, parts, ids
        self.folds, self.groups = folds or [], groups

    def columns(self, kind):
        return [c for c, k in self.kinds.items() if k == kind]

    def inner_folds(self, fit_rows, count):
        """(fit, scored) train rows within fit_rows, for a label-fitted block's out-of-fold values: the validation folds
        inside fit_rows where they are three or more and cover it (models fitted on every fold but two then serve two
        folds' sets), otherwise `count` folds of fit_rows (by group or class where the validation folds are)."""
        from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold
        fit_rows = np.sort(np.asarray(fit_rows))
        inside = [np.sort(s) for s in self.folds if np.isin(s, fit_rows).all()]
        if len(inside) >= 3 and sum(len(s) for s in inside) == len(fit_rows):
            return [(np.setdiff1d(fit_rows, s), s) for s in inside]
        count = max(2, min(count, len(fit_rows)))
        if self.groups is not None and len(np.unique(self.groups[fit_rows])) >= count:
            split = GroupKFold(n_splits=count).split(fit_rows, groups=self.groups[fit_rows])
        else:
            y = None if self.y is None else np.asarray(self.y)[fit_rows]
            counts = np.bincount(y) if y is not None and model_kind() != "regression" else np.zeros(0, int)
            if counts[counts > 0].size and counts[counts > 0].min() >= 2:
                split = StratifiedKFold(n_splits=min(count, int(counts[counts > 0].min())), shuffle=True,
                                        random_state=SEED).split(fit_rows, y)
            else:
                split = KFold(n_splits=count, shuffle=True, random_state=SEED).split(fit_rows)
        return [(fit_rows[a], fit_rows[b]) for a, b in split]


def numeric_matrix(context):
    frame = context.frame
    columns = context.columns("numeric")
    if not columns:
        return np.zeros((len(frame), 0)), []
    matrix = frame[columns].apply(lambda s: pd.to_numeric(s.map({True: 1, False: 0}).fillna(s) if s.dtype == object else s,
                                                          errors="coerce")).astype(float).values
    return matrix, columns


class Features:
    """Every row's feature matrix as a model fitted on a set of train rows may see it: blocks that need no label are joined
    once (the blocks themselves are then dropped: one copy of the big ones); blocks fitted on labels (LABEL_FEATURES) are
    built per set of fit rows from those rows' labels only, and put after the joined ones.

    A label-fitted block built once from every train row would let each validation fold's model see the fold's own
    labels through the features of the rows it is fitted on (a category's mean, a stacked model's prediction), and
    the out-of-fold predictions that blend weights, stackers, calibration and thresholds are fitted on would over-trust it.
    """

    def __init__(self, context, blocks, names, scaled):
        plain = [(b, name) for b, name in zip(blocks, names) if not isinstance(b, tuple)]
        self.base = self.assemble([b for b, _ in plain]) if plain else None
        self.base_names = [name for _, name in plain]
        self.label_blocks = [(b[0], b[1]) for b in blocks if isinstance(b, tuple)]
        self.context, self.scaled = context, scaled
        self.n_train, self.n_rest = context.n_train, len(context.frame) - context.n_train
        self.fitted = {}  # fit rows -> each label-fitted block fitted on them (None: empty)
        self.plain_split = None

    @staticmethod
    def key(rows):
        return np.sort(np.asarray(rows, dtype=np.int64)).tobytes()

    def prepare(self, fit_sets):
        """Builds the label-fitted blocks for every set not built yet, all sets in one call per block (a block with a
        time share chooses its members once, for all of them)."""
        todo = list({self.key(rows): np.sort(np.asarray(rows, dtype=np.int64)) for rows in fit_sets
                     if self.key(rows) not in self.fitted}.values())
        if not todo or not self.label_blocks:
            return
        built_by_set = [[] for _ in todo]
        for component, params in self.label_blocks:
            for built_for_set, built in zip(built_by_set, FEATURE_BUILDERS[component](self.context, params, todo)):
                if built is not None and built.shape[1]:
                    if self.scaled and not sparse.issparse(built):
                        built = standardised(np.asarray(built, dtype=float), self.n_train)
                    built_for_set.append(built)
                else:
                    built_for_set.append(None)
        for rows, built_for_set in zip(todo, built_by_set):
            self.fitted[self.key(rows)] = built_for_set

    def matrix(self, fit_rows=None):
        """The matrix of every row (train rows first) for a model fitted on fit_rows (default: every train row)."""
        if not self.label_blocks:  # nothing fitted on labels: one matrix for every fold
            return self.assemble([self.base])
        rows = np.arange(self.n_train) if fit_rows is None else fit_rows
        self.prepare([rows])
        return self.assemble([self.base] + self.fitted[self.key(rows)])

    def split(self, fit_rows=None):
        """(train rows, other rows) of matrix(fit_rows); without label-fitted blocks split once for every fold (slicing a
        sparse matrix copies it)."""
        if not self.label_blocks:
            if self.plain_split is None:
                self.plain_split = (self.base[: self.n_train], self.base[self.n_train:])
            return self.plain_split
        full = self.matrix(fit_rows)
        return full[: self.n_train], full[self.n_train:]

    @staticmethod
    def assemble(blocks):
        blocks = [b for b in blocks if b is not None]
        if not blocks:
            raise ValueError("no features were built: add a feature block or check that the train and test files share columns")
        if len(blocks) == 1:
            return blocks[0]
        if any(sparse.issparse(b) for b in blocks):
            return sparse.hstack([sparse.csr_matrix(b) for b in blocks]).tocsr()
        return np.hstack(blocks)

    def describe(self, fit_rows=None):
        """(columns, which blocks) of the matrix for fit_rows."""
        widths, names = (0 if self.base is None else self.base.shape[1]), list(self.base_names)
        if self.label_blocks:
            rows = np.arange(self.n_train) if fit_rows is None else fit_rows
            self.prepare([rows])
            for (component, _), block in zip(self.label_blocks, self.fitted[self.key(rows)]):
                if block is not None:
                    widths += block.shape[1]
                    names.append(f"{component}({block.shape[1]}, fitted on labels per set of fit rows)")
        return widths, ", ".join(names)


def build_features(context, fit_sets=None):
    """Numeric columns through the preprocessing chain, then each feature block, side by side, as a Features; the
    label-fitted blocks are built at once for fit_sets, the sets of train rows models will be fitted on (default:
    every train row; any other set is built when first asked for)."""
    numeric, names = numeric_matrix(context)
    blocks, block_names = [], []
    for component, params in PREPROCESSING:
        step = PREPROCESSORS.get(component)
        if step is None:
            continue
        result = step(numeric, context, params)
        if isinstance(result, tuple):  # an encoder: a block of its own
            blocks.append(result[0])
            block_names.append(component)
        else:
            numeric = result
    if numeric.shape[1]:
        blocks.insert(0, numeric)
        block_names.insert(0, f"numeric({len(names)})")
    # a pipeline that scales its numeric columns is scale-sensitive (linear, k-NN, SVM, MLP): derived dense
    # columns (years, counts, products) would otherwise dominate its distances and penalties
    scaled = any(c in ("preprocessing.standard_scaler", "preprocessing.quantile_transform") for c, _ in PREPROCESSING)
    for component, params in FEATURES:
        if component in LABEL_FEATURES:
            blocks.append((component, params))  # built per set of fit rows
            block_names.append(component)
            continue
        block = FEATURE_BUILDERS[component](context, params)
        if block is not None and block.shape[1]:
            if scaled and not sparse.issparse(block):
                block = standardised(np.asarray(block, dtype=float), context.n_train)
            blocks.append(block)
            block_names.append(f"{component}({block.shape[1]})")
    if not blocks:
        raise ValueError("no features were built: add a feature block or check that the train and test files share columns")
    features = Features(context, blocks, block_names, scaled)
    features.prepare([np.arange(context.n_train)] if fit_sets is None else fit_sets)
    columns, described = features.describe(None if not fit_sets else fit_sets[0])
    log(f"features: {columns} columns from {described}")
    return features


# ---- models, validation and blending ----------------------------------------------------------------


def model_kind():
    if TASK_TYPE in ("binary", "multiclass"):
        return TASK_TYPE
    return "regression"


def predict(fitted, X, kind):
    model, observed = fitted
    if kind == "regression":
        return model.predict(X).astype(float)
    proba = model.predict_proba(X)
    if kind == "binary":
        return proba[:, 1]
    full = np.zeros((X.shape[0], N_CLASSES))  # a fold may miss rare classes: they get probability 0
    full[:, observed] = proba
    return full


def id_groups(ids):
    """Rows whose ids share a prefix before '_' or '-' (e.g. 0042_01, 0042_02) belong to one group."""
    prefixes = pd.Series(ids).str.extract(r"^([^_-]+)[_-]")[0]
    if prefixes.isna().any() or prefixes.nunique() == len(ids):
        return None
    return prefixes.factorize()[0]


def splits(y, n_rows, groups):
    from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, train_test_split
    component, params = VALIDATION
    folds = int(params.get("folds", 5))
    classify = model_kind() != "regression"
    if QUICK:
        folds = min(folds, 2)
    if component == "validation.holdout":
        index = np.arange(n_rows)
        train_index, valid_index = train_test_split(index, test_size=float(params.get("fraction", 0.2)), random_state=SEED,
                                                    stratify=y if classify and np.bincount(y).min() >= 2 else None)
        return [(train_index, valid_index)]
    if component == "validation.group_kfold" and groups is not None:
        return list(GroupKFold(n_splits=folds).split(np.zeros(n_rows), y, groups))
    # stratified while every class can reach two folds: with rare classes (many classes, few rows) plain
    # KFold leaves classes out of whole folds, which costs far more than sklearn's warning about them
    if component in ("validation.stratified_kfold", "validation.group_kfold") and classify \
            and np.bincount(y)[np.bincount(y) > 0].min() >= 2:
        return list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED).split(np.zeros(n_rows), y))
    return list(KFold(n_splits=folds, shuffle=True, random_state=SEED).split(np.zeros(n_rows)))


def fit_one(component, params, X, y, kind, eval_set=None):
    """Fits one model; classes are re-indexed to those present so every estimator sees 0..k-1."""
    params = dict(params)
    if params.get("class_weight") == "balanced" and kind == "binary":  # inverse frequency in xgboost's form
        params.setdefault("scale_pos_weight", float(np.sum(y == 0)) / max(1, int(np.sum(y == 1))))
    if eval_set is None:  # early stopping needs rows to watch; without them the full tree count is used
        params.pop("early_stopping_rounds", None)
    model = MODEL_FACTORIES[component](params, kind)
    observed = np.unique(y) if kind == "multiclass" else None
    if observed is not None:
        y = np.searchsorted(observed, y)
    if eval_set is not None and params.get("early_stopping_rounds"):
        eval_y = eval_set[1] if observed is None else np.searchsorted(observed, eval_set[1])
        keep = np.isin(eval_set[1], observed) if observed is not None else np.ones(len(eval_y), bool)
        model.fit(X, y, eval_set=[(eval_set[0][keep], eval_y[keep])], verbose=False)
    else:
        model.fit(X, y)
    return model, observed


def stopping_rows(fit_index):
    """(rows to fit, rows early stopping watches): a tenth of the fold's fit rows. Watching the rows the fold then
    scores would tune the tree count to them and make the out-of-fold predictions (blend weights, calibration) optimistic."""
    shuffled = np.random.RandomState(SEED).permutation(fit_index)
    cut = max(1, len(shuffled) // 10)
    return shuffled[cut:], shuffled[:cut]


def matrices(X, X_rest, fit_rows=None):
    """(train rows, other rows) of the matrix a model fitted on fit_rows (default: every train row) sees: X and X_rest as
    given, or from a Features, whose label-fitted blocks then use the labels of fit_rows only."""
    if not isinstance(X, Features):
        return X, X_rest
    return X.split(fit_rows)


def fit_predict(component, params, X, y, X_rest, kind, groups):
    """Out-of-fold predictions for the train rows (NaN where unscored) and averaged predictions for the rest.

    X is the train rows' matrix, or a Features (X_rest then unused): each fold's model is then fitted and scored on the
    matrix whose label-fitted blocks used that fold's fit rows only, so the held-out rows' labels reach neither.
    """
    width = N_CLASSES if kind == "multiclass" else 1
    n_rest = X.n_rest if isinstance(X, Features) else X_rest.shape[0]
    oof = np.full((len(y), width), np.nan)
    rest = np.zeros((n_rest, width))
    if REFIT and VALIDATION[0] == "validation.holdout":
        X_all, X_other = matrices(X, X_rest)
        return oof, predict(fit_one(component, params, X_all, y, kind), X_other, kind).reshape(len(rest), width)
    folds = splits(y, len(y), groups)
    best_rounds = []
    for number, (fit_index, score_index) in enumerate(folds, 1):
        X_fold, X_other = matrices(X, X_rest, fit_index)
        watched = None
        if params.get("early_stopping_rounds"):
            fit_index, stop_index = stopping_rows(fit_index)
            watched = (X_fold[stop_index], y[stop_index])
        model = fit_one(component, params, X_fold[fit_index], y[fit_index], kind, watched)
        oof[score_index] = predict(model, X_fold[score_index], kind).reshape(len(score_index), width)
        if params.get("early_stopping_rounds") and getattr(model[0], "best_iteration", None) is not None:
            best_rounds.append(model[0].best_iteration + 1)
        if VALIDATION[0] != "validation.holdout":
            rest += predict(model, X_other, kind).reshape(len(rest), width) / len(folds)
        log(f"{component} fold {number}/{len(folds)} done")
    if VALIDATION[0] == "validation.holdout" and component in TEXT_MODELS and not REFIT:
        # minutes per fit: the holdout's model predicts the other rows too (the refit node trains on every row)
        rest = predict(model, X_other, kind).reshape(len(rest), width)
    elif VALIDATION[0] == "validation.holdout":
        final = dict(params)
        if best_rounds:  # refit on every row with the number of rounds early stopping chose
            final["n_estimators"] = int(np.mean(best_rounds) * 1.1)
            final.pop("early_stopping_rounds", None)
        X_all, X_other = matrices(X, X_rest)
        rest = predict(fit_one(component, final, X_all, y, kind), X_other, kind).reshape(len(rest), width)
    return oof, rest


def scored_rows(y, oof, kind):
    """The rows out-of-fold predictions exist for: their targets and predictions in the form score() takes."""
    scored = ~np.isnan(oof).any(axis=1)
    return y[scored], oof[scored] if kind == "multiclass" else oof[scored, 0]


def oof_score(y, oof, kind):
    y_scored, prediction = scored_rows(y, oof, kind)
    return score(y_scored, prediction) if len(y_scored) else None


def blend(results, y, kind):
    """Combines the models' predictions; weights and stackers are fitted on out-of-fold rows only."""
    oofs = [r[0] for r in results]
    rests = [r[1] for r in results]
    if len(results) == 1 or BLEND is None:
        return oofs[0], rests[0]
    component, params = BLEND
    scored = ~np.isnan(np.hstack(oofs)).any(axis=1)
    weights = np.ones(len(results)) / len(results)
    if component == "ensembling.rank_average" and kind != "multiclass":
        from scipy.stats import rankdata
        to_rank = lambda m: np.column_stack([rankdata(c) / len(c) for c in m.T])
        oof = np.full_like(oofs[0], np.nan)
        oof[scored] = np.mean([to_rank(o[scored]) for o in oofs], axis=0)
        return oof, np.mean([to_rank(r) for r in rests], axis=0)
    if component == "ensembling.stacking_logistic" and scored.sum() >= 20:
        from sklearn.linear_model import LogisticRegression, Ridge
        features = lambda ms: np.hstack([np.log(np.clip(m, 1e-6, 1)) if kind != "regression" else m for m in ms])
        fit_stacker = lambda X_s, y_s: ((LogisticRegression(C=float(params.get("C", 1.0)), max_iter=2000) if kind != "regression"
                                         else Ridge(alpha=1.0)).fit(X_s, y_s), np.unique(y_s))
        X_stack, y_stack = features([o[scored] for o in oofs]), y[scored]
        # the stacker's own out-of-fold predictions: scored on the rows it was fitted on, calibration and the
        # logged blend score would see an in-sample fit (classes x members weights on a few hundred rows)
        stacked = np.full((len(y_stack), oofs[0].shape[1]), np.nan)
        for fit_rows, score_rows in splits(y_stack, len(y_stack), None):
            stacked[score_rows] = predict(fit_stacker(X_stack[fit_rows], y_stack[fit_rows]), X_stack[score_rows], kind).reshape(len(score_rows), -1)
        oof = np.full_like(oofs[0], np.nan)
        oof[scored] = stacked
        return oof, predict(fit_stacker(X_stack, y_stack), features(rests), kind).reshape(len(rests[0]), -1)
    if component == "ensembling.weighted_blend" and scored.sum() >= 20:
        best = None
        for first in np.linspace(0, 1, 21):  # a grid over the primary model's share, the rest split evenly
            candidate = np.array([first] + [(1 - first) / (len(results) - 1)] * (len(results) - 1))
            mixed = sum(w * o[scored] for w, o in zip(candidate, oofs))
            value = score(y[scored], mixed if kind == "multiclass" else mixed[:, 0])
            if best is None or better(value, best):
                best, weights = value, candidate
        log(f"blend weights {np.round(weights, 2).tolist()} (out-of-fold score {best:.5f})")
    elif component == "ensembling.weighted_blend" and len(params.get("weights", [])) == len(results):
        weights = np.asarray(params["weights"], dtype=float)  # a holdout refit: the weights its node fitted on held-out rows
        weights = weights / weights.sum()  # logged rounded
        log(f"blend weights as validated: {weights.tolist()}")
    oof = sum(w * o for w, o in zip(weights, oofs))
    return oof, sum(w * r for w, r in zip(weights, rests))


def pseudo_label(component, params, X, y, X_rest, rest, kind, groups, share):
    """Adds the most confident unlabelled rows with their predicted class and refits (classification only)."""
    confidence = rest.max(axis=1) if kind == "multiclass" else np.abs(rest[:, 0] - 0.5) + 0.5
    chosen = np.argsort(-confidence)[: int(len(rest) * share)]
    labels = rest[chosen].argmax(axis=1) if kind == "multiclass" else (rest[chosen, 0] >= 0.5).astype(int)
    stack = sparse.vstack if sparse.issparse(X) else np.vstack
    log(f"pseudo-labelling {len(chosen)} rows")
    more_groups = None if groups is None else np.concatenate([groups, np.full(len(chosen), -1)])
    refitted = fit_predict(component, params, stack([X, X_rest[chosen]]), np.concatenate([y, labels]), X_rest, kind, more_groups)[1]
    refitted[chosen] = rest[chosen]  # a model trained on a row's own pseudo-label only echoes it back, more confidently
    return refitted


def tune_split(y, kind):
    """(fit rows, scored rows) of the tuning holdout."""
    from sklearn.model_selection import train_test_split
    stratify = y if kind != "regression" and np.bincount(y).min() >= 2 else None
    return train_test_split(np.arange(len(y)), test_size=0.25, random_state=SEED, stratify=stratify)


def tune(component, params, X, y, kind, budget_seconds):
    """A short Optuna search of the model's main hyperparameters on a holdout split (X: a matrix or a Features, whose
    label-fitted blocks are then fitted on the split's fit rows)."""
    import optuna
    if component not in SEARCH_SPACES:
        log(f"no search space for {component}; keeping its hyperparameters")
        return params
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    fit_index, score_index = tune_split(y, kind)
    X = matrices(X, None, fit_index)[0]

    def objective(trial):
        trial_params = dict(params, **SEARCH_SPACES[component](trial))
        model = fit_one(component, trial_params, X[fit_index], y[fit_index], kind)
        value = score(y[score_index], predict(model, X[score_index], kind))
        return value

    study = optuna.create_study(direction="minimize" if LOWER_IS_BETTER else "maximize",
                                sampler=optuna.samplers.TPESampler(seed=SEED))
    study.optimize(objective, timeout=budget_seconds, n_trials=4 if QUICK else 40)
    log(f"tuned {component}: {study.best_params} ({study.best_value:.5f})")
    return dict(params, **study.best_params)


# ---- main -------------------------------------------------------------------------------------------

def main():
    train, valid, test = load_frames()
    refit = REFIT or valid is None
    log(f"train {train.shape}, valid {None if valid is None else valid.shape}, test {test.shape}, refit={refit}")
    parts = [("train", train)] + ([] if valid is None else [("valid", valid)]) + [("test", test)]
    # only columns every split has: train-only fields (e.g. values known after the fact) would leak
    shared = [c for c in train.columns if c not in LABEL_COLUMNS and all(c in f.columns for _, f in parts)]
    frame = pd.concat([f[shared] for _, f in parts], ignore_index=True)
    ids = {name: (f[ID_COLUMN].tolist() if ID_COLUMN in f.columns else list(range(len(f)))) for name, f in parts}
    kinds = column_kinds(frame)
    if kinds.get(ID_COLUMN) != "text":  # an id is not a feature, unless the "id" is the text itself
        kinds.pop(ID_COLUMN, None)
    for kind_name in ("numeric", "categorical", "text"):
        named = [c for c, k in kinds.items() if k == kind_name]
        log(f"{len(named)} {kind_name} columns" + (f": {', '.join(named[:8])}{' ...' if len(named) > 8 else ''}" if named else ""))
    empty = blocks_without_input(frame, kinds)
    if empty:
        log("feature blocks with nothing to build on this table: " + ", ".join(empty))
    kind = model_kind()
    labels = train[LABEL_COLUMNS]
    classes = None
    if kind != "regression":
        raw = labels.iloc[:, 0]
        classes = np.array(sorted(raw.unique(), key=lambda v: str(v)))
        if len(SUBMISSION_COLUMNS) > 1 and set(map(str, classes)) <= set(SUBMISSION_COLUMNS):
            classes = np.array(SUBMISSION_COLUMNS, dtype=object)  # classes absent from train still get a column
            raw = raw.astype(str)
        code = {value: number for number, value in enumerate(classes)}
        y = raw.map(code).values.astype(int)
        if kind == "binary" and len(classes) != 2:
            raise ValueError(f"task_type binary but the label has {len(classes)} values: {classes[:5]}")
    targets = [labels[c].astype(float).values for c in LABEL_COLUMNS] if kind == "regression" else [y]
    global N_CLASSES
    N_CLASSES = 1 if classes is None else len(classes)
    groups = id_groups(frame[ID_COLUMN].astype(str).values[: len(train)]) if ID_COLUMN in frame.columns else None
    training = dict(TRAINING)
    # the sets of train rows models are fitted on: label-fitted feature blocks are built for each from its labels only
    holdout = VALIDATION[0] == "validation.holdout"
    folds = splits(targets[0], len(train), groups)
    fit_sets = [] if REFIT and holdout else [fit_index for fit_index, _ in folds]
    if holdout or "strategy.pseudo_labelling" in training and kind != "regression":
        fit_sets.append(np.arange(len(train)))  # a refit on every row
    if "strategy.optuna_tuning" in training:
        fit_sets.append(tune_split(targets[0], kind)[0])
    context = Context(frame, kinds, len(train), targets[0], [(n, len(f)) for n, f in parts], ids,
                      folds=[score_index for _, score_index in folds],
                      groups=groups if VALIDATION[0] == "validation.group_kfold" else None)
    features = build_features(context, fit_sets)
    texts = text_inputs(context) if any(c in TEXT_MODELS for c, _ in [MODEL] + ENSEMBLE) else None
    log_target = any(c == "preprocessing.log_target" for c, _ in PREPROCESSING)
    outputs_oof, outputs_rest = [], []
    for target_number, target in enumerate(targets):
        logged = log_target and kind == "regression" and np.nanmin(target) >= 0
        if log_target and kind == "regression" and not logged:  # log1p of clipped negatives would lose them
            log(f"{LABEL_COLUMNS[target_number]} has negative values: trained on the raw target, not log1p")
        fitted_target = np.log1p(target) if logged else target
        results = []
        for number, (component, params) in enumerate([MODEL] + ENSEMBLE):
            X, X_rest = (texts[: len(train)], texts[len(train):]) if component in TEXT_MODELS else (features, None)
            if number == 0 and "strategy.optuna_tuning" in training:
                params = tune(component, params, X, fitted_target, kind,
                              5 if QUICK else float(training["strategy.optuna_tuning"].get("seconds", 90)))
            oof, rest = fit_predict(component, params, X, fitted_target, X_rest, kind, groups)
            if number == 0 and "strategy.pseudo_labelling" in training and kind != "regression":
                X_train, X_rest = matrices(X, X_rest)  # a refit on every train row: only its test predictions are kept
                rest = pseudo_label(component, params, X_train, fitted_target, X_rest, rest, kind, groups,
                                    float(training["strategy.pseudo_labelling"].get("share", 0.3)))
            if logged:
                oof, rest = np.expm1(oof), np.expm1(rest)
            value = oof_score(target, oof, kind)
            log(f"{component} on {LABEL_COLUMNS[target_number] if kind == 'regression' else LABEL_COLUMNS[0]}: "
                f"validation {METRIC} = {'n/a' if value is None else round(value, 5)}")
            results.append((oof, rest))
        oof, rest = blend(results, target, kind)
        if len(results) > 1:
            value = oof_score(target, oof, kind)
            log(f"blend: validation {METRIC} = {'n/a' if value is None else round(value, 5)}")
        outputs_oof.append(oof)
        outputs_rest.append(rest)
    rest = np.hstack(outputs_rest)
    post = dict(POSTPROCESSING)
    if kind == "regression" and (METRIC in ("rmsle", "mean_columnwise_rmsle") or "pitfall.negative_values_rmsle" in post):
        rest = np.clip(rest, 0, None)
    if kind != "regression":
        y_scored, prediction = scored_rows(targets[0], outputs_oof[0], kind)
        calibration = fit_calibration(prediction, y_scored, post)
        if calibration is not None:
            rest = calibrated(rest, *calibration)
    if kind == "multiclass":
        rest = rest / rest.sum(axis=1, keepdims=True)
    threshold = 0.5
    if kind == "binary" and METRIC in HARD_LABEL_METRICS and "strategy.threshold_tuning" in post:
        scored = ~np.isnan(outputs_oof[0][:, 0])
        if scored.any():
            candidates = np.linspace(0.05, 0.95, 91)  # class weighting moves the best threshold far from 0.5
            values = [score(targets[0][scored], (outputs_oof[0][scored, 0] >= t).astype(int)) for t in candidates]
            threshold = float(candidates[int(np.argmax(values))])
            log(f"threshold {threshold:.3f} (out-of-fold {METRIC} {max(values):.5f})")

    def columns_for(block):
        if kind == "regression":
            named = {c: block[:, i] for i, c in enumerate(LABEL_COLUMNS)}
            return {s: named.get(s, block[:, min(i, block.shape[1] - 1)]) for i, s in enumerate(SUBMISSION_COLUMNS)}
        if kind == "multiclass" and len(SUBMISSION_COLUMNS) > 1:
            return {str(c): block[:, i] for i, c in enumerate(classes)}
        if kind == "multiclass" or METRIC in HARD_LABEL_METRICS:
            chosen = block.argmax(axis=1) if kind == "multiclass" else (block[:, 0] >= threshold).astype(int)
            return {SUBMISSION_COLUMNS[0]: classes[chosen]}
        return {SUBMISSION_COLUMNS[0]: block[:, 0]}

    offset = 0
    if not refit:
        write_rows(role_path("valid_sample_submission"), ids["valid"], columns_for(rest[: len(valid)]), "valid_predictions.csv")
        offset = len(valid)
    write_rows(role_path("sample_submission"), ids["test"], columns_for(rest[offset:]), "submission.csv")
    log("done")


main()
