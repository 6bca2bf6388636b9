def feature_frequency_encoding(context, params):
    """How often each category occurs over all rows (log count): works for any cardinality."""
    columns = context.columns("categorical")
    encoded = [np.log1p(context.frame[c].astype(str).map(context.frame[c].astype(str).value_counts()).values) for c in columns]
    return np.column_stack(encoded).astype(float) if encoded else None


FEATURE_BUILDERS["feature.frequency_encoding"] = feature_frequency_encoding
