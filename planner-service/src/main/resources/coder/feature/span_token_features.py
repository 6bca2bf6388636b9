def token_features(tokens, sentiment, window):
    """Hashed features of each whitespace token: the word and its shape with the row's sentiment,
    its neighbours, and where it sits in the text."""
    rows = []
    count = len(tokens)
    lowered = [t.lower() for t in tokens]
    bare = ["".join(ch for ch in t if ch.isalnum()) for t in lowered]
    for i, token in enumerate(tokens):
        position = i / max(1, count - 1)
        features = {
            f"w={bare[i]}|s={sentiment}": 1, f"w={bare[i]}": 1, f"s={sentiment}": 1,
            f"pos={int(position * 4)}|s={sentiment}": 1, f"len={min(count, 30) // 5}|s={sentiment}": 1,
            f"first|s={sentiment}": float(i == 0), f"last|s={sentiment}": float(i == count - 1),
            f"excl|s={sentiment}": float("!" in token), f"upper|s={sentiment}": float(token.isupper() and len(token) > 1),
            f"url|s={sentiment}": float("http" in lowered[i]), f"emoji|s={sentiment}": float(any(c in token for c in ":;)(")),
        }
        for offset in range(1, window + 1):
            for j, side in ((i - offset, "L"), (i + offset, "R")):
                if 0 <= j < count:
                    features[f"{side}{offset}={bare[j]}|s={sentiment}"] = 1
        rows.append(features)
    return rows


FEATURE_BUILDERS["feature.span_token_features"] = token_features
