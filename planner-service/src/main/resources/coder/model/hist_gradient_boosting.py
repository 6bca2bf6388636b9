def make_hist_gradient_boosting(params, kind):
    """scikit-learn's histogram gradient boosting (LightGBM-like); needs dense input, handles NaN."""
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer
    options = dict(max_iter=int(params.get("max_iter", 400)) if not QUICK else 30,
                   learning_rate=float(params.get("learning_rate", 0.06)), max_leaf_nodes=int(params.get("max_leaf_nodes", 31)),
                   l2_regularization=float(params.get("l2_regularization", 0.1)), random_state=SEED,
                   early_stopping=bool(params.get("early_stopping", False)))
    if kind != "regression" and params.get("class_weight"):
        options["class_weight"] = params["class_weight"]
    densify = FunctionTransformer(lambda X: X.toarray() if sparse.issparse(X) else X, accept_sparse=True)
    model = HistGradientBoostingRegressor(**options) if kind == "regression" else HistGradientBoostingClassifier(**options)
    return make_pipeline(densify, model)


MODEL_FACTORIES["model.hist_gradient_boosting"] = make_hist_gradient_boosting
SEARCH_SPACES["model.hist_gradient_boosting"] = lambda trial: {
    "learning_rate": trial.suggest_float("learning_rate", 0.02, 0.2, log=True),
    "max_leaf_nodes": trial.suggest_int("max_leaf_nodes", 8, 64, log=True),
    "l2_regularization": trial.suggest_float("l2_regularization", 1e-3, 10, log=True),
}
