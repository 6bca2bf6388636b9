from sklearn.base import BaseEstimator, ClassifierMixin


class NbSvmClassifier(BaseEstimator, ClassifierMixin):
    """NB-SVM (Wang & Manning): features scaled by naive-Bayes log-count ratios, then a logistic regression per class."""

    def __init__(self, C=4.0, alpha=1.0):
        self.C, self.alpha = C, alpha

    def fit(self, X, y):
        from sklearn.linear_model import LogisticRegression
        X = sparse.csr_matrix(X)
        X = X.multiply(X > 0).tocsr()  # ratios need non-negative counts
        self.classes_ = np.unique(y)
        self.ratios_, self.models_ = [], []
        for label in self.classes_:
            positive = (y == label)
            p = self.alpha + X[positive].sum(axis=0)
            q = self.alpha + X[~positive].sum(axis=0)
            ratio = sparse.csr_matrix(np.log((p / p.sum()) / (q / q.sum())))
            self.ratios_.append(ratio)
            self.models_.append(LogisticRegression(C=self.C, max_iter=3000, random_state=SEED).fit(X.multiply(ratio), positive))
        return self

    def predict_proba(self, X):
        X = sparse.csr_matrix(X)
        X = X.multiply(X > 0).tocsr()
        scores = np.column_stack([m.predict_proba(X.multiply(r))[:, 1] for m, r in zip(self.models_, self.ratios_)])
        if len(self.classes_) == 2:
            return np.column_stack([1 - scores[:, 1], scores[:, 1]])
        return scores / scores.sum(axis=1, keepdims=True)


def make_nb_svm(params, kind):
    if kind == "regression":
        raise ValueError("model.nb_svm classifies; choose a regressor for a continuous target")
    return NbSvmClassifier(C=float(params.get("C", 4.0)), alpha=float(params.get("alpha", 1.0)))


MODEL_FACTORIES["model.nb_svm"] = make_nb_svm
SEARCH_SPACES["model.nb_svm"] = lambda trial: {"C": trial.suggest_float("C", 0.1, 30, log=True)}
