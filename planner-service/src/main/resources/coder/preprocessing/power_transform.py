def preprocessing_power_transform(numeric, context, params):
    """Yeo-Johnson power per column, fitted on train rows: skewed and histogram-like features become closer to
    Gaussian, which linear models and LDA assume. Columns whose fitted power overflows keep their values."""
    from sklearn.preprocessing import PowerTransformer
    numeric = np.asarray(numeric, dtype=float)
    varying = np.nanstd(numeric[: context.n_train], axis=0) > 0
    if not varying.any():
        return numeric
    transformer = PowerTransformer(method="yeo-johnson", standardize=False)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        transformer.fit(numeric[: context.n_train][:, varying])
        powered = transformer.transform(numeric[:, varying])
    finite = np.isfinite(powered) | np.isnan(numeric[:, varying])
    result = numeric.copy()
    result[:, varying] = np.where(finite.all(axis=0), powered, numeric[:, varying])
    return result


PREPROCESSORS["preprocessing.power_transform"] = preprocessing_power_transform
