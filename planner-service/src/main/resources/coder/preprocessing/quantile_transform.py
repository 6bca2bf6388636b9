def preprocessing_quantile_transform(numeric, context, params):
    """Maps each numeric column to a normal distribution by rank (robust to outliers and skew)."""
    from sklearn.preprocessing import QuantileTransformer
    if numeric.shape[1] == 0:  # phrase pairs, text: nothing numeric to map, and sklearn refuses an empty matrix
        return numeric
    transformer = QuantileTransformer(n_quantiles=min(1000, max(10, context.n_train)), output_distribution="normal",
                                      random_state=SEED)
    transformer.fit(numeric[: context.n_train])
    return transformer.transform(numeric)


PREPROCESSORS["preprocessing.quantile_transform"] = preprocessing_quantile_transform
