def preprocessing_ordinal_encoding(numeric, context, params):
    """One integer code per category (for trees); missing stays -1."""
    columns = context.columns("categorical")
    codes = [context.frame[c].astype(str).where(context.frame[c].notna()).factorize(sort=True)[0] for c in columns]
    return (np.column_stack(codes).astype(float) if codes else np.zeros((len(context.frame), 0)),)


PREPROCESSORS["preprocessing.ordinal_encoding"] = preprocessing_ordinal_encoding
