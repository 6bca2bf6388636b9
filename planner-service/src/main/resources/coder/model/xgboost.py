def make_xgboost(params, kind):
    """Gradient-boosted trees (xgboost, histogram method); handles missing values and sparse input."""
    import xgboost as xgb
    options = dict(n_estimators=int(params.get("n_estimators", 600)) if not QUICK else 30,
                   max_depth=int(params.get("max_depth", 6)), learning_rate=float(params.get("learning_rate", 0.05)),
                   subsample=float(params.get("subsample", 0.8)), colsample_bytree=float(params.get("colsample_bytree", 0.8)),
                   min_child_weight=float(params.get("min_child_weight", 1)), reg_lambda=float(params.get("reg_lambda", 1.0)),
                   tree_method="hist", n_jobs=CPUS, random_state=SEED)
    if params.get("early_stopping_rounds"):
        options["early_stopping_rounds"] = int(params["early_stopping_rounds"])
    if kind == "regression":
        return xgb.XGBRegressor(objective="reg:squarederror", **options)
    if kind == "binary" and "scale_pos_weight" in params:  # set from the class frequencies for class_weight=balanced
        options["scale_pos_weight"] = float(params["scale_pos_weight"])
    # the binary metric on a multiclass eval set fails ("label and prediction size not match") once early stopping watches one
    return xgb.XGBClassifier(eval_metric="mlogloss" if kind == "multiclass" else "logloss", **options)


MODEL_FACTORIES["model.xgboost"] = make_xgboost
SEARCH_SPACES["model.xgboost"] = lambda trial: {
    "max_depth": trial.suggest_int("max_depth", 3, 9),
    "learning_rate": trial.suggest_float("learning_rate", 0.02, 0.2, log=True),
    "subsample": trial.suggest_float("subsample", 0.6, 1.0),
    "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
    "min_child_weight": trial.suggest_float("min_child_weight", 0.5, 10, log=True),
}
