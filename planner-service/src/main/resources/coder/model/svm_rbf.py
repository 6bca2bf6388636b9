def make_svm_rbf(params, kind):
    """Kernel SVM with an RBF kernel: strong on small, scaled, dense data (cost grows with rows squared)."""
    from sklearn.svm import SVC, SVR
    if kind == "regression":
        return SVR(C=float(params.get("C", 3.0)), gamma=params.get("gamma", "scale"))
    return SVC(C=float(params.get("C", 3.0)), gamma=params.get("gamma", "scale"), probability=True, random_state=SEED)


MODEL_FACTORIES["model.svm_rbf"] = make_svm_rbf
