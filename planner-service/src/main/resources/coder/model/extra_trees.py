def make_extra_trees(params, kind):
    """Extremely randomised trees: lower variance than a random forest, fast to fit."""
    from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor
    options = dict(n_estimators=int(params.get("n_estimators", 500)) if not QUICK else 20, n_jobs=CPUS, random_state=SEED,
                   min_samples_leaf=int(params.get("min_samples_leaf", 1)), max_features=params.get("max_features", "sqrt"),
                   max_depth=params.get("max_depth"))
    if kind == "regression":
        options["max_features"] = params.get("max_features", 0.7)
        return ExtraTreesRegressor(**options)
    return ExtraTreesClassifier(class_weight=params.get("class_weight"), **options)


MODEL_FACTORIES["model.extra_trees"] = make_extra_trees
