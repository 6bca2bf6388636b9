def make_lda_classifier(params, kind):
    """Linear discriminant analysis with a shrunk covariance: one shared covariance suits many classes with few rows each."""
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer
    if kind == "regression":
        raise ValueError("model.lda_classifier classifies; a continuous target needs a regressor such as model.ridge")
    shrinkage = params.get("shrinkage", "auto")  # "auto": Ledoit-Wolf
    model = LinearDiscriminantAnalysis(solver="lsqr", shrinkage=shrinkage if shrinkage == "auto" else float(shrinkage))
    # LDA needs dense rows; the tabular features arrive sparse when one-hot blocks are stacked in
    dense = FunctionTransformer(lambda X: X.toarray() if sparse.issparse(X) else X, accept_sparse=True)
    return make_pipeline(dense, model)


MODEL_FACTORIES["model.lda_classifier"] = make_lda_classifier
SEARCH_SPACES["model.lda_classifier"] = lambda trial: {"shrinkage": trial.suggest_float("shrinkage", 1e-3, 0.5, log=True)}
