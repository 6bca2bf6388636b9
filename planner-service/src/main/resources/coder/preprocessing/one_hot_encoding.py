def preprocessing_one_hot_encoding(numeric, context, params):
    """One column per category seen at least min_count times; rare and unseen categories share none."""
    from sklearn.preprocessing import OneHotEncoder
    columns = context.columns("categorical")
    if not columns:
        return (sparse.csr_matrix((len(context.frame), 0)),)
    values = context.frame[columns].astype(str)
    encoder = OneHotEncoder(handle_unknown="ignore", min_frequency=int(params.get("min_count", 3)))
    encoder.fit(values.iloc[: context.n_train])
    return (encoder.transform(values).tocsr().astype(float),)


PREPROCESSORS["preprocessing.one_hot_encoding"] = preprocessing_one_hot_encoding
