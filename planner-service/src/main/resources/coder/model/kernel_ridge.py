def make_kernel_ridge(params, kind):
    """Kernel ridge regression (RBF): smooth non-linear fits on small dense data."""
    from sklearn.kernel_ridge import KernelRidge
    if kind != "regression":
        raise ValueError("model.kernel_ridge regresses; choose a classifier for class labels")
    return KernelRidge(alpha=float(params.get("alpha", 0.1)), kernel="rbf", gamma=params.get("gamma"))


MODEL_FACTORIES["model.kernel_ridge"] = make_kernel_ridge
