def text_stack_members():
    """Diverse, fast base models, most useful first: (name, representation, model factory, outputs probabilities).

    Naive Bayes on counts (small and large alpha) and on TF-IDF are near-free and very different from the
    linear SVMs; their raw probabilities are badly calibrated, which the stacker on top corrects.
    """
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.svm import LinearSVC
    return [
        ("nb word tf-idf", "word_tfidf", lambda: MultinomialNB(alpha=0.02), True),
        ("nb word counts a=0.1", "word_counts", lambda: MultinomialNB(alpha=0.1), True),
        ("nb char tf-idf", "char_tfidf", lambda: MultinomialNB(alpha=0.02), True),
        ("nb char counts a=0.1", "char_counts", lambda: MultinomialNB(alpha=0.1), True),
        ("linear svm word tf-idf", "word_tfidf_12", lambda: LinearSVC(C=0.5, random_state=SEED), False),
        ("nb word counts a=1", "word_counts", lambda: MultinomialNB(alpha=1.0), True),
        ("nb char counts a=1", "char_counts", lambda: MultinomialNB(alpha=1.0), True),
        ("linear svm char tf-idf", "char_tfidf", lambda: LinearSVC(C=0.5, random_state=SEED), False),
    ]


def text_stack_representation(name, texts, max_features):
    """Sparse n-gram matrices fitted on every row's text (unsupervised, so test rows may share the vocabulary)."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    tokens = r"(?u)\b\w+\b|[^\w\s]"  # punctuation tokens carry style (authorship, insults)
    vectorizer = {
        "word_tfidf": lambda: TfidfVectorizer(ngram_range=(1, 3), token_pattern=tokens, max_features=max_features, sublinear_tf=True,
                                              dtype=np.float32),
        "word_tfidf_12": lambda: TfidfVectorizer(ngram_range=(1, 2), token_pattern=tokens, min_df=2, max_features=max_features,
                                                 sublinear_tf=True, dtype=np.float32),
        "word_counts": lambda: CountVectorizer(ngram_range=(1, 2), token_pattern=tokens, max_features=max_features),
        "char_tfidf": lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, max_features=min(max_features, 200000),
                                              sublinear_tf=True, dtype=np.float32),
        "char_counts": lambda: CountVectorizer(analyzer="char", ngram_range=(1, 5), min_df=2, lowercase=False,
                                               max_features=max_features),
    }[name]()
    return vectorizer.fit_transform(texts).tocsr()


def feature_text_stack(context, params):
    """Out-of-fold predictions of several text models as a small dense block, for a stacker model on top.

    Train rows get predictions from models that never saw them (k folds); the other rows get the average of
    the fold models. Probabilities enter as clipped log-probabilities, SVM margins as they are. Base models
    run most useful first and stop when the block's share of the time limit would be exceeded.

    Built once on every train row, not per validation fold as target encoding is (LABEL_FEATURES): a fold's fit rows
    then carry predictions from models that saw its held-out labels, a second-order leak worth ~0.025 AUC on noise
    labels. Built per fold, the base models see 3/5 of the rows instead of 4/5, and spooky's validation log loss
    was 0.2679 against 0.2628: the honest block cost more than the leak.
    """
    from sklearn.model_selection import StratifiedKFold
    kind = model_kind()
    if kind == "regression":
        raise ValueError("feature.text_stack stacks classifiers; for a continuous target use feature.tfidf_word with a ridge model")
    columns = context.columns("text")
    if not columns:
        return None
    texts = context.frame[columns].apply(lambda row: " ".join(cell_text(v) for v in row), axis=1).values
    n_train, y = context.n_train, np.asarray(context.y)
    folds = 2 if QUICK else int(params.get("folds", 5))
    counts = np.bincount(y)
    folds = max(2, min(folds, int(counts[counts > 0].min())))
    split = list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED).split(np.zeros(n_train), y))
    members = text_stack_members()[: int(params.get("max_models", 8))]
    budget_share = float(params.get("time_share", 0.35))
    max_features = int(params.get("max_features", 300000))  # per vocabulary; halved when memory runs out
    started = time.time()
    representations, blocks, slowest = {}, [], 0.0
    for number, (name, representation, factory, probabilistic) in enumerate(members):
        # the first two members always run: a stack needs two views, and they take seconds
        if number >= 2 and seconds_left(budget_share) < 2 * slowest:
            log(f"text stack: time is short, stopping after {number} of {len(members)} base models")
            break
        member_start = time.time()
        if representation not in representations:
            representations[representation] = text_stack_representation(representation, texts, max_features)
        X = representations[representation]
        X_train, X_rest = X[:n_train], X[n_train:]
        width = N_CLASSES if kind == "multiclass" else 1
        oof, rest = np.zeros((n_train, width)), np.zeros((X_rest.shape[0], width))
        for fit_index, score_index in split:
            model = factory().fit(X_train[fit_index], y[fit_index])
            oof[score_index] = text_stack_output(model, X_train[score_index], probabilistic, kind)
            rest += text_stack_output(model, X_rest, probabilistic, kind) / len(split)
        if probabilistic:
            log(f"text stack: {name} out-of-fold {METRIC} = {text_stack_score(y, oof, kind):.5f}")
        blocks.append(np.vstack([oof, rest]))
        slowest = max(slowest, time.time() - member_start)
    log(f"text stack: {len(blocks)} base models in {time.time() - started:.1f}s")
    return np.hstack(blocks)


def text_stack_output(model, X, probabilistic, kind):
    """Per-class log-probabilities (or margins); a binary task keeps one log-odds column."""
    if not probabilistic:
        margin = model.decision_function(X)
        if kind != "multiclass":
            return margin.reshape(-1, 1)
        full = np.zeros((X.shape[0], N_CLASSES))  # classes a fold did not see keep margin 0
        if margin.ndim == 1:  # a fold with two classes: one margin, for the second
            full[:, model.classes_[0]], full[:, model.classes_[1]] = -margin, margin
        else:
            full[:, model.classes_] = margin
        return full
    observed = model.classes_
    proba = np.full((X.shape[0], N_CLASSES if kind == "multiclass" else 2), 1e-15)
    proba[:, observed] = model.predict_proba(X)
    log_proba = np.log(np.clip(proba, 1e-15, 1))
    return log_proba if kind == "multiclass" else (log_proba[:, 1] - log_proba[:, 0]).reshape(-1, 1)


def text_stack_score(y, log_proba, kind):
    if kind == "multiclass":
        proba = np.exp(log_proba)
        return score(y, proba / proba.sum(axis=1, keepdims=True))
    return score(y, 1 / (1 + np.exp(-log_proba[:, 0])))


FEATURE_BUILDERS["feature.text_stack"] = feature_text_stack
