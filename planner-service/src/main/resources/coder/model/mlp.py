def make_mlp(params, kind):
    """A small fully-connected network (adam, early stopping); needs scaled features."""
    from sklearn.neural_network import MLPClassifier, MLPRegressor
    options = dict(hidden_layer_sizes=tuple(params.get("hidden", [256, 128])), alpha=float(params.get("alpha", 1e-3)),
                   learning_rate_init=float(params.get("learning_rate", 1e-3)), max_iter=int(params.get("max_iter", 200)) if not QUICK else 20,
                   early_stopping=True, random_state=SEED)
    return MLPRegressor(**options) if kind == "regression" else MLPClassifier(**options)


MODEL_FACTORIES["model.mlp"] = make_mlp
