def make_sgd_linear(params, kind):
    """A linear model fitted by stochastic gradient descent: scales to very many rows and sparse features."""
    from sklearn.linear_model import SGDClassifier, SGDRegressor
    options = dict(alpha=float(params.get("alpha", 1e-5)), max_iter=int(params.get("max_iter", 50)), tol=1e-4,
                   random_state=SEED, penalty=params.get("penalty", "l2"))
    if kind == "regression":
        return SGDRegressor(**options)
    return SGDClassifier(loss="modified_huber", class_weight=params.get("class_weight"), **options)


MODEL_FACTORIES["model.sgd_linear"] = make_sgd_linear
