def make_lasso(params, kind):
    """L1-regularised linear model: keeps few features; for classes, L1 logistic regression."""
    from sklearn.linear_model import Lasso, LogisticRegression
    if kind == "regression":
        return Lasso(alpha=float(params.get("alpha", 0.001)), max_iter=20000, random_state=SEED)
    return LogisticRegression(penalty="l1", C=float(params.get("C", 1.0)), solver="saga", max_iter=3000, random_state=SEED)


MODEL_FACTORIES["model.lasso"] = make_lasso
