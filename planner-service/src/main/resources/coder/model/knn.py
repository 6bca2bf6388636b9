def make_knn(params, kind):
    """k nearest neighbours, distance-weighted; needs scaled features."""
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
    options = dict(n_neighbors=int(params.get("n_neighbors", 15)), weights=params.get("weights", "distance"), n_jobs=CPUS)
    return KNeighborsRegressor(**options) if kind == "regression" else KNeighborsClassifier(**options)


MODEL_FACTORIES["model.knn"] = make_knn
SEARCH_SPACES["model.knn"] = lambda trial: {"n_neighbors": trial.suggest_int("n_neighbors", 2, 60, log=True)}
