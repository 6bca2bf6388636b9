def feature_target_encoding(context, params, fit_sets):
    """Smoothed mean label per category, one block per set of fit rows (a validation fold's, or every train row).

    Rows of the set get means from the set's other inner folds, so their own label never reaches their row; every other
    row (the fold's held-out rows, valid, test) gets the means of the whole set, so a fold's block uses no held-out label.
    """
    columns = context.columns("categorical")
    if not columns:
        return [None] * len(fit_sets)
    smoothing = float(params.get("smoothing", 10))
    y = np.asarray(context.y, dtype=float)
    targets = np.eye(int(y.max()) + 1)[y.astype(int)] if TASK_TYPE == "multiclass" else y.reshape(-1, 1)
    # category codes once per column; a set's means are then two bincounts, not a pandas groupby per fold
    codes_of = {column: pd.factorize(context.frame[column].astype(str).values)[0] for column in columns}
    n_rows = len(context.frame)
    results = []
    for rows in fit_sets:
        outside = np.setdiff1d(np.arange(n_rows), rows)
        inner = context.inner_folds(rows, 5)
        blocks = []
        for column in columns:
            codes = codes_of[column]
            n_codes = int(codes.max()) + 1
            encoded = np.zeros((n_rows, targets.shape[1]))

            def means(fit_rows, apply_rows):
                prior = targets[fit_rows].mean(axis=0)
                counts = np.bincount(codes[fit_rows], minlength=n_codes)
                for k in range(targets.shape[1]):
                    sums = np.bincount(codes[fit_rows], weights=targets[fit_rows, k], minlength=n_codes)
                    # a category the fit rows lack has count 0: its mean is the prior
                    encoded[apply_rows, k] = ((sums + prior[k] * smoothing) / (counts + smoothing))[codes[apply_rows]]

            for fit_index, apply_index in inner:
                means(fit_index, apply_index)
            means(rows, outside)
            blocks.append(encoded)
        results.append(np.hstack(blocks))
    return results


FEATURE_BUILDERS["feature.target_encoding"] = feature_target_encoding
LABEL_FEATURES.add("feature.target_encoding")
