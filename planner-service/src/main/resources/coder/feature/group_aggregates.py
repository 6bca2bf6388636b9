def feature_group_aggregates(context, params):
    """Group size and within-group means of numeric columns, grouping by the first part of structured ids."""
    if ID_COLUMN not in context.frame.columns:
        return None
    prefixes = id_prefixes(context.frame[ID_COLUMN])
    if prefixes is None:
        log("group_aggregates: no id prefix groups the rows; skipped")
        return None
    numeric = context.frame[context.columns("numeric")].apply(pd.to_numeric, errors="coerce").astype(float)
    numeric = numeric.loc[:, numeric.nunique() > 2].iloc[:, : int(params.get("max_columns", 10))]
    features = pd.DataFrame({"group_size": prefixes.map(prefixes.value_counts()).astype(float)})
    for column in numeric.columns:
        features[f"group_mean_{column}"] = numeric[column].groupby(prefixes).transform("mean")
    return features.fillna(-1).values


FEATURE_BUILDERS["feature.group_aggregates"] = feature_group_aggregates
