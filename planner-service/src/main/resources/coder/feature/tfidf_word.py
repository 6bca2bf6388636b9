def feature_tfidf_word(context, params):
    """Word n-gram TF-IDF per text column (sublinear term frequency), fitted on all rows' text."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    blocks = []
    for column in context.columns("text"):
        vectorizer = TfidfVectorizer(ngram_range=(1, int(params.get("max_n", 2))), min_df=int(params.get("min_df", 2)),
                                     max_features=int(params.get("max_features", 200000)), sublinear_tf=True,
                                     token_pattern=r"(?u)\b\w+\b|[!?]", lowercase=True)
        blocks.append(vectorizer.fit_transform(context.frame[column].map(cell_text)))
    return sparse.hstack(blocks).tocsr() if blocks else None


FEATURE_BUILDERS["feature.tfidf_word"] = feature_tfidf_word
