def make_random_forest(params, kind):
    """Bagged deep trees: a strong, low-tuning baseline; NaN must be imputed first."""
    from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
    options = dict(n_estimators=int(params.get("n_estimators", 400)) if not QUICK else 20, n_jobs=CPUS, random_state=SEED,
                   min_samples_leaf=int(params.get("min_samples_leaf", 1)), max_features=params.get("max_features", "sqrt"),
                   max_depth=params.get("max_depth"))
    if kind == "regression":
        options["max_features"] = params.get("max_features", 0.5)
        return RandomForestRegressor(**options)
    return RandomForestClassifier(class_weight=params.get("class_weight"), **options)


MODEL_FACTORIES["model.random_forest"] = make_random_forest
SEARCH_SPACES["model.random_forest"] = lambda trial: {
    "min_samples_leaf": trial.suggest_int("min_samples_leaf", 1, 10),
    "max_features": trial.suggest_float("max_features", 0.1, 0.9),
}
