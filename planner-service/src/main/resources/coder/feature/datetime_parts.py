def feature_datetime_parts(context, params):
    """Hour, weekday, month, year and day of year from date-like columns (unix seconds or parseable strings)."""
    parts = {}
    for column, stamps in date_stamps(context.frame).items():
        for part in ("hour", "dayofweek", "month", "year", "dayofyear"):
            parts[f"{column}_{part}"] = getattr(stamps.dt, part).astype(float)
    return pd.DataFrame(parts).fillna(-1).values if parts else None


FEATURE_BUILDERS["feature.datetime_parts"] = feature_datetime_parts
