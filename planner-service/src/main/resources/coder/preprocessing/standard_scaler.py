def preprocessing_standard_scaler(numeric, context, params):
    """Zero mean, unit variance using train-row statistics; long-tailed counts are log-scaled first."""
    if params.get("log_skewed", True):
        skewed = (np.nanmin(numeric, axis=0) >= 0) & (np.nanmax(numeric, axis=0) > 100)
        numeric = numeric.copy()
        numeric[:, skewed] = np.log1p(numeric[:, skewed])
    train_part = numeric[: context.n_train]
    mean = np.nanmean(train_part, axis=0)
    std = np.nanstd(train_part, axis=0)
    return (numeric - mean) / np.where(std > 0, std, 1)


PREPROCESSORS["preprocessing.standard_scaler"] = preprocessing_standard_scaler
