def preprocessing_median_imputer(numeric, context, params):
    """Median per column (from train rows) plus a missing-indicator for every column that has gaps."""
    train_part = numeric[: context.n_train]
    medians = np.nanmedian(np.where(np.isnan(train_part).all(axis=0), 0, train_part), axis=0) if len(train_part) else 0
    missing = np.isnan(numeric)
    indicators = missing[:, missing.any(axis=0)].astype(float) if params.get("indicators", True) else np.zeros((len(numeric), 0))
    return np.hstack([np.where(missing, medians, numeric), indicators])


PREPROCESSORS["preprocessing.median_imputer"] = preprocessing_median_imputer
