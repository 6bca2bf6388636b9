def feature_tfidf_char(context, params):
    """Character n-gram TF-IDF inside word boundaries: robust to misspellings, style and punctuation."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    blocks = []
    for column in context.columns("text"):
        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(int(params.get("min_n", 2)), int(params.get("max_n", 5))),
                                     min_df=int(params.get("min_df", 3)), max_features=int(params.get("max_features", 300000)),
                                     sublinear_tf=True, lowercase=bool(params.get("lowercase", True)))
        blocks.append(vectorizer.fit_transform(context.frame[column].map(cell_text)))
    return sparse.hstack(blocks).tocsr() if blocks else None


FEATURE_BUILDERS["feature.tfidf_char"] = feature_tfidf_char
