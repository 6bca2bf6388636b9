"""Before wiring feature.phrase_embeddings into the drafts: does the pretrained encoder help on us-patent?

Public files only (public/train.csv): a seeded holdout of 3,000 rows; xgboost on a few overlap features and context /
anchor target encodings (fitted on the other rows), then the same with the encoder's cosine, then with its product and
difference vectors. The encoder is the knowledge coder's own (coder/feature/phrase_embeddings.py).
Run: AUTOMLGEN_MODELS=<folder holding all-minilm-l6-v2/> /usr/bin/python3 holdout-embeddings.py <repo> <bench>
"""
import sys
import time
from difflib import SequenceMatcher

repo, bench = sys.argv[1], sys.argv[2]
coder = repo + "/planner-service/src/main/resources/coder/"
exec(compile("ROLES = {}\n" + open(coder + "common.py").read(), "common.py", "exec"))
exec(compile(open(coder + "feature/phrase_embeddings.py").read(), "phrase_embeddings.py", "exec"))
import xgboost as xgb
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

df = pd.read_csv(bench + "/us-patent-phrase-to-phrase-matching/public/train.csv")
df = df.iloc[np.random.RandomState(0).permutation(len(df))].reset_index(drop=True)
holdout = 3000
started = time.time()
ea, et = sentence_embeddings(list(df.anchor)), sentence_embeddings(list(df.target))
print(f"encoded {df.anchor.nunique() + df.target.nunique()} distinct phrases in {time.time() - started:.0f}s")
a, b = df.anchor.str.lower(), df.target.str.lower()
base = {}
for name, vectorizer in (("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)), ("word", TfidfVectorizer())):
    vectorizer.fit(pd.concat([a, b]))
    left, right = normalize(vectorizer.transform(a)), normalize(vectorizer.transform(b))
    base["cosine_" + name] = np.asarray(left.multiply(right).sum(axis=1)).ravel()
base["edit_ratio"] = [SequenceMatcher(None, x, y).ratio() for x, y in zip(a, b)]
base["len_a"], base["len_b"] = a.str.len(), b.str.len()
base = pd.DataFrame(base)
fit = df.iloc[holdout:]
for column in ("context", "anchor"):
    sums = fit.groupby(column).score.agg(["sum", "count"])
    prior = fit.score.mean()
    base["te_" + column] = df[column].map((sums["sum"] + 20 * prior) / (sums["count"] + 20)).fillna(prior).values
base["context"] = df.context.astype("category").cat.codes
y = df.score.values
cosine = (ea * et).sum(axis=1)


def holdout_pearson(X, label):
    started = time.time()
    model = xgb.XGBRegressor(n_estimators=700, max_depth=6, learning_rate=0.04, subsample=0.8, colsample_bytree=0.7,
                             tree_method="hist", n_jobs=2, random_state=0)
    model.fit(X[holdout:], y[holdout:])
    print(f"{label}: holdout Pearson {np.corrcoef(model.predict(X[:holdout]), y[:holdout])[0, 1]:.4f} ({time.time() - started:.0f}s)")


print(f"cosine alone: holdout Pearson {np.corrcoef(cosine[:holdout], y[:holdout])[0, 1]:.4f}")
holdout_pearson(base.values, "overlap features + target encodings")
holdout_pearson(np.column_stack([base.values, cosine]), "... + encoder cosine")
holdout_pearson(np.column_stack([base.values, cosine, ea * et, np.abs(ea - et)]), "... + encoder cosine, product, difference")
