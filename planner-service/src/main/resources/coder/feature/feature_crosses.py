def feature_feature_crosses(context, params):
    """Products and ratios of the most varied numeric columns, and pairwise category combinations (as frequencies)."""
    limit = int(params.get("max_columns", 6))
    numeric = context.frame[context.columns("numeric")].apply(pd.to_numeric, errors="coerce").astype(float)
    chosen = numeric.nunique().sort_values(ascending=False).index[:limit]
    crossed = {}
    for i, a in enumerate(chosen):
        for b in chosen[i + 1:]:
            crossed[f"{a}*{b}"] = numeric[a] * numeric[b]
            crossed[f"{a}/{b}"] = numeric[a] / numeric[b].replace(0, np.nan)
    categorical = crossable_categories(context.frame, context.kinds)[:limit]
    for i, a in enumerate(categorical):
        for b in categorical[i + 1:]:
            pair = context.frame[a].astype(str) + "|" + context.frame[b].astype(str)
            crossed[f"{a}|{b}"] = np.log1p(pair.map(pair.value_counts()))
    return pd.DataFrame(crossed).replace([np.inf, -np.inf], np.nan).fillna(0).values if crossed else None


FEATURE_BUILDERS["feature.feature_crosses"] = feature_feature_crosses
