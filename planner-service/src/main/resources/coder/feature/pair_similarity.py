def feature_pair_similarity(context, params):
    """How alike the two phrases are: char and word TF-IDF cosine, token overlap, edit ratio, lengths."""
    from difflib import SequenceMatcher
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize
    first, second = pair_columns(context)
    a = context.frame[first].map(cell_text).str.lower()
    b = context.frame[second].map(cell_text).str.lower()
    features = {}
    for name, vectorizer in (("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)),
                             ("word", TfidfVectorizer(ngram_range=(1, 1), token_pattern=r"(?u)\b\w+\b"))):
        vectorizer.fit(pd.concat([a, b]))
        left, right = normalize(vectorizer.transform(a)), normalize(vectorizer.transform(b))
        features[f"cosine_{name}"] = np.asarray(left.multiply(right).sum(axis=1)).ravel()
    tokens_a, tokens_b = a.str.split().map(set), b.str.split().map(set)
    overlap = [len(x & y) for x, y in zip(tokens_a, tokens_b)]
    features["overlap"] = overlap
    features["jaccard"] = [o / max(1, len(x | y)) for o, x, y in zip(overlap, tokens_a, tokens_b)]
    features["contained"] = [float(x in y or y in x) for x, y in zip(a, b)]
    features["edit_ratio"] = [SequenceMatcher(None, x, y).ratio() for x, y in zip(a, b)]
    features["len_a"], features["len_b"] = a.str.len(), b.str.len()
    features["words_a"], features["words_b"] = a.str.split().str.len(), b.str.split().str.len()
    features["len_diff"] = (a.str.len() - b.str.len()).abs()
    features["same_first_word"] = (a.str.split().str[0] == b.str.split().str[0]).astype(float)
    features["same_last_word"] = (a.str.split().str[-1] == b.str.split().str[-1]).astype(float)
    return pd.DataFrame(features).fillna(0).values.astype(float)


FEATURE_BUILDERS["feature.pair_similarity"] = feature_pair_similarity
