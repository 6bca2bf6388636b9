def feature_text_meta_features(context, params):
    """Length, word counts, casing and punctuation statistics per text column (log-scaled counts)."""
    blocks = []
    for column in context.columns("text"):
        text = context.frame[column].map(cell_text)
        words = text.str.split()
        letters = text.str.count(r"[A-Za-z]").clip(lower=1)
        stats = pd.DataFrame({
            "chars": np.log1p(text.str.len()),
            "words": np.log1p(words.str.len()),
            "unique_ratio": words.map(lambda w: len(set(w)) / max(1, len(w))),
            "mean_word": words.map(lambda w: np.mean([len(x) for x in w]) if w else 0),
            "upper_ratio": text.str.count(r"[A-Z]") / letters,
            "exclaim": np.log1p(text.str.count("!")),
            "question": np.log1p(text.str.count(r"\?")),
            "digits": np.log1p(text.str.count(r"\d")),
            "punctuation": text.str.count(r"[^\w\s]") / text.str.len().clip(lower=1),
            "urls": text.str.count("http"),
        })
        blocks.append(stats.fillna(0).values)
    return np.hstack(blocks) if blocks else None


FEATURE_BUILDERS["feature.text_meta_features"] = feature_text_meta_features
