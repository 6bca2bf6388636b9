def make_elastic_net(params, kind):
    """L1 + L2 penalised linear model (elastic-net logistic regression for classes)."""
    from sklearn.linear_model import ElasticNet, LogisticRegression
    if kind == "regression":
        return ElasticNet(alpha=float(params.get("alpha", 0.001)), l1_ratio=float(params.get("l1_ratio", 0.5)),
                          max_iter=20000, random_state=SEED)
    return LogisticRegression(penalty="elasticnet", l1_ratio=float(params.get("l1_ratio", 0.5)), C=float(params.get("C", 1.0)),
                              solver="saga", max_iter=3000, random_state=SEED)


MODEL_FACTORIES["model.elastic_net"] = make_elastic_net
