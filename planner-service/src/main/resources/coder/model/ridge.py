def make_ridge(params, kind):
    """Linear least squares with an L2 penalty; for classes, a calibrated ridge classifier."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import Ridge, RidgeClassifier
    if kind == "regression":
        return Ridge(alpha=float(params.get("alpha", 1.0)), random_state=SEED)
    return CalibratedClassifierCV(RidgeClassifier(alpha=float(params.get("alpha", 1.0))), cv=3)


MODEL_FACTORIES["model.ridge"] = make_ridge
SEARCH_SPACES["model.ridge"] = lambda trial: {"alpha": trial.suggest_float("alpha", 1e-3, 100, log=True)}
