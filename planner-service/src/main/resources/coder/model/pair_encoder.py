# requires: encoder/minilm.py

import torch
import torch.nn.functional as F
from torch import nn


class PairEncoder:
    """all-MiniLM-L6-v2 fine-tuned as a cross-encoder on each row's texts: the two phrases and the row's other short
    texts (a context code) in one sequence, [CLS] first [SEP] second [SEP] rest [SEP], mean-pooled into a linear
    head that predicts the target (standardised for regression, log-odds for classes).

    feature.phrase_embeddings encodes each phrase alone and leaves the comparison to the model on top; a cross-encoder
    attends across the pair and its context piece by piece, which is where "same meaning in this field" is decided.
    X is the row's text columns (a TEXT_MODELS model gets those instead of the feature matrix). Uses the GPU when
    there is one; training stops in time to predict (encoder.fine_tune).
    """

    def __init__(self, params, kind):
        if not sentence_encoder_present():
            raise SystemExit(f"model.pair_encoder: no sentence encoder at {SENTENCE_ENCODER}; the executor unpacks "
                             "all-MiniLM-L6-v2 into its automlgen.sandbox.models-dir and mounts it (AUTOMLGEN_MODELS)")
        torch.manual_seed(SEED)
        # unset, all six layers train at 1e-4 (the knowledge base's defaults for this model; fine_tune's are the span encoder's)
        self.params, self.kind = dict({"frozen_layers": 0, "learning_rate": 1e-4}, **params), kind
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.tokenizer, self.encoder = load_minilm(int(params.get("max_length", 64)))
        self.encoder.to(self.device)
        self.head, self.centre, self.scale = None, 0.0, 1.0

    def encode(self, row):
        """[CLS] column 1 [SEP] column 2 [SEP] ... cut to max_length pieces, ending in [SEP]."""
        tokenizer = self.tokenizer
        ids = [tokenizer.cls]
        for value in row:
            ids += tokenizer.piece_ids(str(value)) + [tokenizer.sep]
        return ids[:tokenizer.max_length - 1] + [tokenizer.sep] if len(ids) > tokenizer.max_length else ids

    def outputs(self, encoded, rows):
        return self.head(mean_pooled(self.encoder, padded([encoded[r] for r in rows]).to(self.device)))

    def fit(self, X, y):
        encoded = [self.encode(row) for row in X]
        y = np.asarray(y)
        if self.kind == "regression":
            self.centre, self.scale = float(np.mean(y)), float(np.std(y)) or 1.0
            target = torch.tensor((y - self.centre) / self.scale, dtype=torch.float32, device=self.device)
        else:
            target = torch.tensor(y, dtype=torch.float32 if self.kind == "binary" else torch.long, device=self.device)
        width = int(y.max()) + 1 if self.kind == "multiclass" else 1
        self.head = nn.Linear(self.encoder.word.weight.shape[1], width).to(self.device)
        epochs = 1 if QUICK else int(self.params.get("epochs", 1))
        batches = length_batches([len(e) for e in encoded], np.arange(len(encoded)), int(self.params.get("batch_size", 32)), epochs)

        def batch_loss(rows):
            out, wanted = self.outputs(encoded, rows), target[torch.from_numpy(rows).to(self.device)]
            if self.kind == "regression":
                return F.mse_loss(out[:, 0], wanted)
            if self.kind == "binary":
                return F.binary_cross_entropy_with_logits(out[:, 0], wanted)
            return F.cross_entropy(out, wanted)

        fine_tune(f"model.pair_encoder on {len(encoded)} rows", self.encoder, self.head, batches, batch_loss, self.params, epochs)
        return self

    def raw(self, X, batch_size=256):
        encoded = [self.encode(row) for row in X]
        order = np.argsort([len(e) for e in encoded], kind="stable")
        out = np.zeros((len(encoded), self.head.out_features), dtype=np.float32)
        with torch.inference_mode():
            for begin in range(0, len(order), batch_size):
                rows = order[begin:begin + batch_size]
                out[rows] = self.outputs(encoded, rows).float().cpu().numpy()
        return out

    def predict(self, X):
        if self.kind == "regression":
            return self.raw(X)[:, 0] * self.scale + self.centre
        return self.predict_proba(X).argmax(axis=1)

    def predict_proba(self, X):
        out = torch.from_numpy(self.raw(X))
        if self.kind == "binary":
            positive = torch.sigmoid(out[:, 0]).numpy()
            return np.column_stack([1 - positive, positive])
        return torch.softmax(out, dim=1).numpy()


MODEL_FACTORIES["model.pair_encoder"] = PairEncoder
TEXT_MODELS.add("model.pair_encoder")
