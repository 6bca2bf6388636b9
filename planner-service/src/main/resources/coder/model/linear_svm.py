def make_linear_svm(params, kind):
    """Linear SVM (hinge loss), calibrated so it yields probabilities."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC, LinearSVR
    if kind == "regression":
        return LinearSVR(C=float(params.get("C", 1.0)), max_iter=20000, random_state=SEED)
    return CalibratedClassifierCV(LinearSVC(C=float(params.get("C", 0.3)), max_iter=20000, random_state=SEED),
                                  cv=int(params.get("calibration_folds", 3)))


MODEL_FACTORIES["model.linear_svm"] = make_linear_svm
