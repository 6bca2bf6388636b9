def feature_datetime_parts(context, params):
    """Hour, weekday, month, year and day of year from date-like columns (unix seconds or parseable strings)."""
    parts = {}
    for column in context.frame.columns:
        values = context.frame[column]
        stamps = None
        named = any(word in column.lower() for word in ("date", "time", "timestamp"))
        if pd.api.types.is_numeric_dtype(values) and named and values.dropna().between(1e8, 4e9).all():
            stamps = pd.to_datetime(values, unit="s", errors="coerce")
        elif values.dtype == object and named:
            stamps = pd.to_datetime(values.astype(str).str.rstrip("Z"), errors="coerce")
        if stamps is None or stamps.notna().mean() < 0.5:
            continue
        for part in ("hour", "dayofweek", "month", "year", "dayofyear"):
            parts[f"{column}_{part}"] = getattr(stamps.dt, part).astype(float)
    return pd.DataFrame(parts).fillna(-1).values if parts else None


FEATURE_BUILDERS["feature.datetime_parts"] = feature_datetime_parts
