def make_multinomial_nb(params, kind):
    """Multinomial naive Bayes over non-negative text features (TF-IDF or counts)."""
    from sklearn.naive_bayes import MultinomialNB
    if kind == "regression":
        raise ValueError("model.multinomial_nb classifies; choose a regressor for a continuous target")
    return MultinomialNB(alpha=float(params.get("alpha", 0.05)))


MODEL_FACTORIES["model.multinomial_nb"] = make_multinomial_nb
SEARCH_SPACES["model.multinomial_nb"] = lambda trial: {"alpha": trial.suggest_float("alpha", 0.005, 1, log=True)}
