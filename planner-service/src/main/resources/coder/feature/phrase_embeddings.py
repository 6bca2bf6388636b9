# requires: encoder/minilm.py

import torch
import torch.nn.functional as F


def sentence_embeddings(texts, max_length=64, batch_size=256):
    """Unit-length mean-pooled all-MiniLM-L6-v2 embeddings of each distinct text, in the order given."""
    tokenizer, encoder = load_minilm(max_length)
    encoder.eval()
    distinct = sorted(set(texts))
    encoded = [tokenizer.encode(t) for t in distinct]
    order = np.argsort([len(e) for e in encoded], kind="stable")  # similar lengths share a batch: little padding
    vectors = np.zeros((len(distinct), encoder.word.weight.shape[1]), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            vectors[rows] = F.normalize(mean_pooled(encoder, padded([encoded[r] for r in rows])), dim=-1).numpy()
    position = {t: i for i, t in enumerate(distinct)}
    return vectors[[position[t] for t in texts]]


def feature_phrase_embeddings(context, params):
    """What the two phrases mean, from a pretrained sentence encoder: their embeddings' cosine and, with vectors on,
    the elementwise product and absolute difference (which dimensions agree), for the model to weigh.

    Character and word overlap miss synonyms and paraphrases ("engine" ~ "motor"); the encoder was trained on a
    billion sentence pairs for exactly that. Needs all-MiniLM-L6-v2 under AUTOMLGEN_MODELS (the executor provides it).
    """
    if not sentence_encoder_present():
        log(f"feature.phrase_embeddings: no sentence encoder at {SENTENCE_ENCODER} (the executor unpacks all-MiniLM-L6-v2"
            " into its automlgen.sandbox.models-dir); block skipped")
        return None
    first, second = pair_columns(context)
    started = time.time()
    phrases = [cell_text(v) for v in context.frame[first]] + [cell_text(v) for v in context.frame[second]]
    vectors = sentence_embeddings(phrases, int(params.get("max_length", 64)))  # one model load, shared phrases once
    a, b = vectors[: len(context.frame)], vectors[len(context.frame):]
    log(f"phrase embeddings of {first} and {second}: {a.shape[1]} dimensions in {time.time() - started:.1f}s")
    cosine = (a * b).sum(axis=1, keepdims=True)
    if not params.get("vectors", True):
        return cosine
    return np.hstack([cosine, a * b, np.abs(a - b)])


FEATURE_BUILDERS["feature.phrase_embeddings"] = feature_phrase_embeddings
