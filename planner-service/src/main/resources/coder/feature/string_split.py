def feature_string_split(context, params):
    """Parts of structured strings (ids and categories): numbers as numbers, other parts as frequency and codes."""
    columns = context.columns("categorical") + ([ID_COLUMN] if ID_COLUMN in context.frame.columns else [])
    features = {}
    for column in columns:
        parts = structured_parts(context.frame[column])
        if parts is None:
            continue
        for index in parts.columns:
            part = parts[index]
            if part_is_number(part):
                features[f"{column}_{index}_num"] = pd.to_numeric(part, errors="coerce").fillna(-1)
            if part_repeats(part):
                features[f"{column}_{index}_freq"] = np.log1p(part.map(part.value_counts()).fillna(0))
                features[f"{column}_{index}_code"] = part.factorize(sort=True)[0]
    return pd.DataFrame(features).values.astype(float) if features else None


FEATURE_BUILDERS["feature.string_split"] = feature_string_split
