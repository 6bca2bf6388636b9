def feature_target_encoding(context, params):
    """Smoothed mean label per category; train rows get out-of-fold means so the label never leaks into its own row."""
    from sklearn.model_selection import KFold
    columns = context.columns("categorical")
    if not columns:
        return None
    smoothing = float(params.get("smoothing", 10))
    y = np.asarray(context.y, dtype=float)
    targets = np.eye(int(y.max()) + 1)[y.astype(int)] if TASK_TYPE == "multiclass" else y.reshape(-1, 1)
    n_train = context.n_train
    blocks = []
    for column in columns:
        values = context.frame[column].astype(str).values
        encoded = np.zeros((len(values), targets.shape[1]))

        def means(fit_rows, apply_rows):
            prior = targets[fit_rows].mean(axis=0)
            table = pd.DataFrame(targets[fit_rows], index=values[fit_rows]).groupby(level=0).agg(["sum", "count"])
            for k in range(targets.shape[1]):
                sums, counts = table[(k, "sum")], table[(k, "count")]
                smooth = (sums + prior[k] * smoothing) / (counts + smoothing)
                encoded[apply_rows, k] = pd.Series(values[apply_rows]).map(smooth).fillna(prior[k]).values

        for fit_index, apply_index in KFold(5, shuffle=True, random_state=SEED).split(np.arange(n_train)):
            means(fit_index, apply_index)
        means(np.arange(n_train), np.arange(n_train, len(values)))
        blocks.append(encoded)
    return np.hstack(blocks)


FEATURE_BUILDERS["feature.target_encoding"] = feature_target_encoding
