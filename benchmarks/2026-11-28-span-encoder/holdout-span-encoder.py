"""Before wiring model.span_encoder into the tweet drafts: does fine-tuning the pretrained encoder beat the token scorer?

Public files only (public/train.csv): the positive and negative tweets of more than two words (neutral and short
ones are answered with the whole text by both), a seeded 80/20 split. Baseline: the knowledge coder's token scorer
(coder/feature/span_token_features.py, hashed, logistic regression C=1) with the best contiguous span above a
threshold chosen per sentiment on the holdout itself (optimistic for the baseline). Then the coder's own
SpanEncoder (coder/model/span_encoder.py) with its defaults (one epoch; a third argument such as 1,2 lists epoch counts to try);
its spans need no threshold.
Run: AUTOMLGEN_MODELS=<folder holding all-minilm-l6-v2/> AUTOMLGEN_CPUS=1 /usr/bin/python3 holdout-span-encoder.py <repo> <bench>
"""
import sys

repo, bench = sys.argv[1], sys.argv[2]
coder = repo + "/planner-service/src/main/resources/coder/"
for part in ("common.py", "encoder/minilm.py", "model/span_encoder.py", "feature/span_token_features.py", "data/span_text.py"):
    source = open(coder + part).read()
    if part == "data/span_text.py":
        source = source[:source.rindex("main()")]  # its jaccard, token_labels and best_span, without running a pipeline
    exec(compile(("ROLES = {}\n" if part == "common.py" else "") + source, part, "exec"))
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression


df = pd.read_csv(bench + "/tweet-sentiment-extraction/public/train.csv").dropna()
df = df[(df.sentiment != "neutral") & (df.text.str.split().str.len() > 2)]
df = df.iloc[np.random.RandomState(0).permutation(len(df))].reset_index(drop=True)
hold = len(df) // 5
held, fit = df.iloc[:hold].reset_index(drop=True), df.iloc[hold:].reset_index(drop=True)
positive = (held.sentiment == "positive").values
print(f"{len(df)} positive/negative tweets of 3+ words: {len(fit)} to fit, {hold} held out; {CPUS} threads")


def report(name, scores, seconds):
    print(f"{name}: holdout Jaccard positive {scores[positive].mean():.4f}, negative {scores[~positive].mean():.4f}, "
          f"both {scores.mean():.4f} ({seconds:.0f}s)", flush=True)


started = time.time()
hasher = FeatureHasher(n_features=2 ** 18, input_type="dict", alternate_sign=False)
features = lambda frame: hasher.transform([f for t, s in zip(frame.text, frame.sentiment) for f in token_features(str(t).split(), s, 2)])
scorer = LogisticRegression(C=1.0, solver="liblinear").fit(
    features(fit), np.concatenate([token_labels(str(t), s) for t, s in zip(fit.text, fit.selected_text)]))
scores, owners = scorer.predict_proba(features(held))[:, 1], np.repeat(np.arange(hold), held.text.str.split().str.len())
by_threshold = {t: np.array([jaccard(best_span(str(text).split(), scores[owners == r], t), held.selected_text[r])
                             for r, text in enumerate(held.text)]) for t in np.linspace(0.1, 0.9, 17)}
best = {side: max(by_threshold, key=lambda t: by_threshold[t][rows].mean()) for side, rows in (("pos", positive), ("neg", ~positive))}
report(f"token scorer (thresholds {best['pos']:.2f} / {best['neg']:.2f})",
       np.where(positive, by_threshold[best["pos"]], by_threshold[best["neg"]]), time.time() - started)

labels = [token_labels(str(t), s) for t, s in zip(fit.text, fit.selected_text)]
for epochs in [int(e) for e in (sys.argv[3] if len(sys.argv) > 3 else "1").split(",")]:
    started = time.time()
    model = SpanEncoder({"epochs": epochs}).fit(fit.text.tolist(), fit.sentiment.tolist(), labels)
    spans = model.extract(held.text.tolist(), held.sentiment.tolist())
    report(f"span encoder, {epochs} epoch(s)", np.array([jaccard(a, b) for a, b in zip(spans, held.selected_text)]), time.time() - started)
