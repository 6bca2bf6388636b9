def preprocessing_standard_scaler(numeric, context, params):
    """Zero mean, unit variance using train-row statistics; long-tailed counts are log-scaled first."""
    if params.get("log_skewed", True):
        skewed = (np.nanmin(numeric, axis=0) >= 0) & (np.nanmax(numeric, axis=0) > 100)
        numeric = numeric.copy()
        numeric[:, skewed] = np.log1p(numeric[:, skewed])
    return standardised(numeric, context.n_train)


PREPROCESSORS["preprocessing.standard_scaler"] = preprocessing_standard_scaler
