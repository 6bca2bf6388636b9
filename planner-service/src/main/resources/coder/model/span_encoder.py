# requires: encoder/minilm.py

import torch
import torch.nn.functional as F
from torch import nn


class SpanEncoder:
    """all-MiniLM-L6-v2 fine-tuned to point at the answer span: the condition (the sentiment) goes first as the
    question, then the text word by word; a linear head scores each word's first piece as the span's start and its
    last piece as the span's end, and the answer is the best-scoring start..end pair (start before end).

    A token scorer (data.span_text's other models) judges each word on its own features; the encoder reads the whole
    text in context, which is what the hard rows (a positive phrase inside a mixed tweet) need. Word embeddings and
    the lowest `frozen_layers` layers stay as pretrained (faster, and little data to move them); training stops
    early enough to predict within AUTOMLGEN_TIME_LIMIT. Uses the GPU when there is one.
    """

    def __init__(self, params):
        if not sentence_encoder_present():
            raise SystemExit(f"model.span_encoder: no sentence encoder at {SENTENCE_ENCODER}; the executor unpacks "
                             "all-MiniLM-L6-v2 into its automlgen.sandbox.models-dir and mounts it (AUTOMLGEN_MODELS)")
        torch.manual_seed(SEED)
        self.params = params
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.tokenizer, self.encoder = load_minilm(int(params.get("max_length", 128)))
        self.head = nn.Linear(self.encoder.word.weight.shape[1], 2)
        self.encoder.to(self.device)
        self.head.to(self.device)

    def encode(self, text, condition):
        """Piece ids ([CLS] condition [SEP] words [SEP]) and each word's first and last piece position."""
        tokenizer = self.tokenizer
        ids = [tokenizer.cls] + tokenizer.piece_ids(str(condition)) + [tokenizer.sep]
        first, last = [], []
        for word in str(text).split():
            pieces = tokenizer.piece_ids(word) or [tokenizer.unknown]
            first.append(len(ids))
            ids += pieces
            last.append(len(ids) - 1)
        cut = tokenizer.max_length - 1  # words past the cut point at the last piece kept
        return ids[:cut] + [tokenizer.sep], np.minimum(first, cut - 1), np.minimum(last, cut - 1)

    def word_logits(self, encoded, rows):
        """Start and end scores of each word (its first and last piece), one row per text, -1e4 past its last word."""
        words = max(len(encoded[r][1]) for r in rows)
        ids = padded([encoded[r][0] for r in rows])
        first, last = torch.zeros((len(rows), words), dtype=torch.long), torch.zeros((len(rows), words), dtype=torch.long)
        present = torch.zeros((len(rows), words), dtype=torch.bool)
        for i, r in enumerate(rows):
            _, starts, ends = encoded[r]
            first[i, :len(starts)], last[i, :len(ends)], present[i, :len(starts)] = torch.from_numpy(starts), torch.from_numpy(ends), True
        ids, first, last, present = ids.to(self.device), first.to(self.device), last.to(self.device), present.to(self.device)
        logits = self.head(self.encoder(ids, (ids != 0).long()))
        return (logits[..., 0].gather(1, first).masked_fill(~present, -1e4),
                logits[..., 1].gather(1, last).masked_fill(~present, -1e4))

    def fit(self, texts, conditions, word_labels):
        """word_labels: per text, 1 for each whitespace word inside the answer; texts without one are not learned."""
        encoded = [self.encode(t, c) for t, c in zip(texts, conditions)]
        targets = [(int(np.flatnonzero(l)[0]), int(np.flatnonzero(l)[-1])) if np.any(l) else None for l in word_labels]
        rows = np.array([r for r, t in enumerate(targets) if t is not None])
        epochs = 1 if QUICK else int(self.params.get("epochs", 1))
        batches = length_batches([len(e[0]) for e in encoded], rows, int(self.params.get("batch_size", 32)), epochs)

        def batch_loss(chosen):
            starts, ends = self.word_logits(encoded, chosen)
            answer = torch.tensor([targets[r] for r in chosen], device=self.device)
            return F.cross_entropy(starts, answer[:, 0]) + F.cross_entropy(ends, answer[:, 1])

        fine_tune(f"model.span_encoder on {len(rows)} texts", self.encoder, self.head, batches, batch_loss, self.params, epochs)
        return self

    def extract(self, texts, conditions, batch_size=128):
        """Each text's best-scoring span of whole words (start <= end)."""
        encoded = [self.encode(t, c) for t, c in zip(texts, conditions)]
        order = np.argsort([len(e[0]) for e in encoded], kind="stable")
        answers = [None] * len(texts)
        with torch.inference_mode():
            for begin in range(0, len(order), batch_size):
                rows = order[begin:begin + batch_size]
                starts, ends = (scores.float().cpu().numpy() for scores in self.word_logits(encoded, rows))
                for i, r in enumerate(rows):
                    words = str(texts[r]).split()
                    if not words:
                        answers[r] = str(texts[r])
                        continue
                    pair = starts[i, :len(words), None] + ends[i, None, :len(words)]
                    pair[np.tril_indices(len(words), -1)] = -np.inf
                    start, end = np.unravel_index(int(np.argmax(pair)), pair.shape)
                    answers[r] = " ".join(words[start:end + 1])
        return answers


SPAN_EXTRACTORS["model.span_encoder"] = SpanEncoder
