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
    values_of = {column: context.frame[column].astype(str).values for column in columns}
    n_rows = len(context.frame)
    results = []
    for rows in fit_sets:
        outside = np.setdiff1d(np.arange(n_rows), rows)
        inner = context.inner_folds(rows, 5)
        blocks = []
        for column in columns:
            values = values_of[column]
            encoded = np.zeros((n_rows, targets.shape[1]))

            def means(fit_rows, apply_rows):
                prior = targets[fit_rows].mean(axis=0)
                table = pd.DataFrame(targets[fit_rows], index=values[fit_rows]).groupby(level=0).agg(["sum", "count"])
                for k in range(targets.shape[1]):
                    sums, counts = table[(k, "sum")], table[(k, "count")]
                    smooth = (sums + prior[k] * smoothing) / (counts + smoothing)
                    encoded[apply_rows, k] = pd.Series(values[apply_rows]).map(smooth).fillna(prior[k]).values

            for fit_index, apply_index in inner:
                means(fit_index, apply_index)
            means(rows, outside)
            blocks.append(encoded)
        results.append(np.hstack(blocks))
    return results


FEATURE_BUILDERS["feature.target_encoding"] = feature_target_encoding
LABEL_FEATURES.add("feature.target_encoding")
