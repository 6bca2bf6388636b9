def make_logistic_regression(params, kind):
    """L2-regularised logistic regression (multinomial for several classes); ridge when the target is continuous."""
    from sklearn.linear_model import LogisticRegression, Ridge
    if kind == "regression":
        return Ridge(alpha=1.0 / float(params.get("C", 1.0)), random_state=SEED)
    # liblinear is fast on wide sparse binary problems; lbfgs fits a true multinomial model for several classes
    solver = params.get("solver", "liblinear" if kind == "binary" else "lbfgs")
    return LogisticRegression(C=float(params.get("C", 1.0)), max_iter=int(params.get("max_iter", 1000)),
                              solver=solver, class_weight=params.get("class_weight"), random_state=SEED)


MODEL_FACTORIES["model.logistic_regression"] = make_logistic_regression
SEARCH_SPACES["model.logistic_regression"] = lambda trial: {"C": trial.suggest_float("C", 0.01, 1000, log=True)}
