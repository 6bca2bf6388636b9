# The pretrained sentence encoder the executor mounts (all-MiniLM-L6-v2 under AUTOMLGEN_MODELS), rebuilt in torch:
# the runtime has neither onnxruntime nor tokenizers. Templates that use it say "# requires: encoder/minilm.py".

import unicodedata

import torch
import torch.nn.functional as F
from torch import nn


def _varint(buffer, at):
    value = shift = 0
    while True:
        byte = buffer[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def _protobuf_fields(buffer):
    """(field number, value) of one protobuf message: ints for varints, memoryviews for bytes and fixed widths."""
    at = 0
    while at < len(buffer):
        key, at = _varint(buffer, at)
        wire = key & 7
        if wire == 0:
            value, at = _varint(buffer, at)
        elif wire in (1, 5):
            width = 8 if wire == 1 else 4
            value, at = buffer[at:at + width], at + width
        elif wire == 2:
            length, at = _varint(buffer, at)
            value, at = buffer[at:at + length], at + length
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield key >> 3, value


def onnx_weights(path):
    """float32 initializers of an ONNX export by parameter name (no onnx package here: ModelProto.graph is field 7,
    its nodes field 1, its initializers field 5). The exporter names linear weights after their MatMul nodes only."""
    with open(path, "rb") as handle:
        model = memoryview(handle.read())
    graph = next(value for number, value in _protobuf_fields(model) if number == 7)
    tensors, renamed = {}, {}
    for number, value in _protobuf_fields(graph):
        if number == 5:
            dims, dtype, name, raw = [], None, None, None
            for field, item in _protobuf_fields(value):
                if field == 1:
                    dims.append(item)
                elif field == 2:
                    dtype = item
                elif field == 8:
                    name = bytes(item).decode()
                elif field == 9:
                    raw = item
            if dtype == 1 and raw is not None:  # 1 = FLOAT
                tensors[name] = np.frombuffer(raw, dtype="<f4").reshape(dims)
        elif number == 1:
            inputs, outputs, op = [], [], None
            for field, item in _protobuf_fields(value):
                if field == 1:
                    inputs.append(bytes(item).decode())
                elif field == 2:
                    outputs.append(bytes(item).decode())
                elif field == 4:
                    op = bytes(item).decode()
            if op == "MatMul" and len(inputs) == 2 and inputs[1].startswith("onnx::"):
                # "/encoder/layer.0/attention/self/query/MatMul_output_0" -> "encoder.layer.0.attention.self.query.weight"
                renamed[inputs[1]] = outputs[0].strip("/").rsplit("/", 1)[0].replace("/", ".") + ".weight"
    return {renamed.get(name, name): tensor for name, tensor in tensors.items()}


class WordPiece:
    """BERT's uncased tokenizer as HuggingFace's BertNormalizer, BertPreTokenizer and WordPiece model do it: control
    characters dropped, CJK characters and punctuation split off, lower case without accents, then the longest
    known word pieces ("##" inside a word), [UNK] for a word without any."""

    CJK = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F),
           (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))

    def __init__(self, path, max_length):
        with open(path) as handle:
            spec = json.load(handle)
        self.vocab = spec["model"]["vocab"]
        self.longest_word = int(spec["model"].get("max_input_chars_per_word", 100))
        self.unknown, self.cls, self.sep = self.vocab["[UNK]"], self.vocab["[CLS]"], self.vocab["[SEP]"]
        self.max_length = max_length
        self.pieces_of = {}

    @staticmethod
    def punctuation(char):
        code = ord(char)
        return 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126 \
            or unicodedata.category(char).startswith("P")

    def words(self, text):
        spaced = []
        for char in text:
            code = ord(char)
            if code == 0 or code == 0xFFFD or char not in "\t\n\r" and unicodedata.category(char) in ("Cc", "Cf"):
                continue
            if char in "\t\n\r" or unicodedata.category(char) == "Zs":
                spaced.append(" ")
            elif any(low <= code <= high for low, high in self.CJK):
                spaced.append(f" {char} ")
            else:
                spaced.append(char)
        text = "".join(c for c in unicodedata.normalize("NFD", "".join(spaced)) if unicodedata.category(c) != "Mn").lower()
        return self.split_punctuation(text)

    def split_punctuation(self, text):
        words = []
        for chunk in text.split():
            current = ""
            for char in chunk:
                if self.punctuation(char):
                    words += [current, char] if current else [char]
                    current = ""
                else:
                    current += char
            if current:
                words.append(current)
        return words

    def pieces(self, word):
        if word not in self.pieces_of:
            pieces, start = ([], 0) if len(word) <= self.longest_word else ([self.unknown], len(word))
            while start < len(word):
                end = len(word)
                while end > start and ("##" if start else "") + word[start:end] not in self.vocab:
                    end -= 1
                if end == start:
                    pieces = [self.unknown]
                    break
                pieces.append(self.vocab[("##" if start else "") + word[start:end]])
                start = end
            self.pieces_of[word] = pieces
        return self.pieces_of[word]

    def piece_ids(self, text):
        """The text's word-piece ids, without [CLS], [SEP] or a length cut."""
        return [piece for word in self.words(text) for piece in self.pieces(word)]

    def encode(self, text):
        return [self.cls] + self.piece_ids(text)[: self.max_length - 2] + [self.sep]


class MiniLM(nn.Module):
    """The BERT encoder of all-MiniLM-L6-v2 (6 layers, 384 wide, 12 heads), weights from its ONNX export."""

    def __init__(self, weights, layers=6, heads=12):
        super().__init__()
        tensor = lambda name: torch.from_numpy(weights[name].copy())
        self.heads = heads
        self.word = nn.Embedding.from_pretrained(tensor("embeddings.word_embeddings.weight"))
        self.position = nn.Embedding.from_pretrained(tensor("embeddings.position_embeddings.weight"))
        self.token_type = tensor("embeddings.token_type_embeddings.weight")[0]

        def linear(prefix):  # ONNX MatMul weights are (in, out); nn.Linear keeps (out, in)
            layer = nn.Linear(*weights[prefix + ".weight"].shape)
            layer.weight.data, layer.bias.data = tensor(prefix + ".weight").t().contiguous(), tensor(prefix + ".bias")
            return layer

        def norm(prefix):
            layer = nn.LayerNorm(weights[prefix + ".weight"].shape[0], eps=1e-12)
            layer.weight.data, layer.bias.data = tensor(prefix + ".weight"), tensor(prefix + ".bias")
            return layer

        self.norm = norm("embeddings.LayerNorm")
        self.layers = nn.ModuleList()
        for number in range(layers):
            prefix = f"encoder.layer.{number}."
            self.layers.append(nn.ModuleDict({
                "query": linear(prefix + "attention.self.query"), "key": linear(prefix + "attention.self.key"),
                "value": linear(prefix + "attention.self.value"), "attended": linear(prefix + "attention.output.dense"),
                "attended_norm": norm(prefix + "attention.output.LayerNorm"), "up": linear(prefix + "intermediate.dense"),
                "down": linear(prefix + "output.dense"), "output_norm": norm(prefix + "output.LayerNorm")}))

    def forward(self, ids, mask):
        batch, length = ids.shape
        x = self.norm(self.word(ids) + self.position.weight[:length] + self.token_type)
        blocked = (1.0 - mask[:, None, None, :].float()) * -1e4
        split = lambda t: t.view(batch, length, self.heads, -1).transpose(1, 2)
        for layer in self.layers:
            q, k, v = split(layer["query"](x)), split(layer["key"](x)), split(layer["value"](x))
            attention = torch.softmax(q @ k.transpose(-1, -2) / q.shape[-1] ** 0.5 + blocked, dim=-1)
            x = layer["attended_norm"](x + layer["attended"]((attention @ v).transpose(1, 2).reshape(batch, length, -1)))
            x = layer["output_norm"](x + layer["down"](F.gelu(layer["up"](x))))
        return x


def load_minilm(max_length):
    """all-MiniLM-L6-v2 from AUTOMLGEN_MODELS: its tokenizer (texts cut to max_length pieces) and its encoder.

    Sets torch to one thread: the encoder's matrix products run in OpenBLAS, which already uses AUTOMLGEN_CPUS threads
    (common.py), and torch's own threads on top oversubscribe the cores. On 2 cores a training batch of 32 short rows
    took 0.27 s this way, 0.75 s with torch on 2 threads as well, 0.46 s with everything on one.
    """
    torch.set_num_threads(1)
    tokenizer = WordPiece(os.path.join(SENTENCE_ENCODER, "tokenizer.json"), max_length)
    return tokenizer, MiniLM(onnx_weights(os.path.join(SENTENCE_ENCODER, "model.onnx")))


def padded(sequences):
    """Piece-id lists as one zero-padded (rows, longest) tensor: [PAD] is id 0, which the attention masks read."""
    ids = torch.zeros((len(sequences), max(len(s) for s in sequences)), dtype=torch.long)
    for i, sequence in enumerate(sequences):
        ids[i, :len(sequence)] = torch.tensor(sequence)
    return ids


def mean_pooled(encoder, ids):
    """The encoder's output averaged over each row's pieces, padding left out (how all-MiniLM-L6-v2 embeds a text)."""
    mask = (ids != 0).long()
    hidden = encoder(ids, mask)
    return (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)


def length_batches(lengths, rows, batch_size, epochs):
    """Batches of rows with similar lengths (little padding), in random order, `epochs` passes over the rows."""
    generator = np.random.RandomState(SEED)
    batches = []
    for _ in range(epochs):
        ordered = rows[np.argsort([lengths[r] + generator.rand() for r in rows], kind="stable")]
        chunks = [ordered[i:i + batch_size] for i in range(0, len(ordered), batch_size)]
        batches += [chunks[i] for i in generator.permutation(len(chunks))]
    return batches


def fine_tune(name, encoder, head, batches, batch_loss, params, epochs):
    """Trains the encoder's upper layers and the head, one AdamW step per batch (batch_loss(rows) -> loss).

    Word embeddings and the lowest `frozen_layers` layers stay as pretrained: faster, and the data is too little to
    move them far. The learning rate warms up linearly over the first tenth and decays linearly to zero at the last
    step; training may use `time_share` of AUTOMLGEN_TIME_LIMIT (predicting needs the rest), and when it would not
    finish the schedule is re-targeted to the step it can reach: fewer steps, the same shape.
    """
    for layer in list(encoder.layers)[:int(params.get("frozen_layers", 3))]:
        layer.requires_grad_(False)
    trained = [p for p in list(encoder.parameters()) + list(head.parameters()) if p.requires_grad]
    rate = float(params.get("learning_rate", 2e-4))
    optimiser = torch.optim.AdamW(trained, lr=rate, weight_decay=0.01)
    share = float(params.get("time_share", 0.7))
    planned, started = len(batches), time.time()
    log(f"{name}: fine-tuning, {epochs} epochs of {planned // max(1, epochs)} batches on {next(head.parameters()).device}")
    encoder.train()
    step, total = 0, 0.0
    while step < planned:
        loss = batch_loss(batches[step])
        optimiser.zero_grad()
        loss.backward()
        progress = (step + 1) / max(1, planned)
        for group in optimiser.param_groups:
            group["lr"] = rate * min(progress / 0.1, max(0.0, (1 - progress) / 0.9))
        optimiser.step()
        step += 1
        total += loss.item()
        if step % 20 == 0:
            affordable = step + int(max(0.0, seconds_left(share)) / ((time.time() - started) / step)) if TIME_LIMIT > 0 else planned
            if affordable < planned:
                planned = affordable
                log(f"AUTOMLGEN_TIME_LIMIT={TIME_LIMIT:.0f}s: {planned} of {len(batches)} batches")
            if step % 100 == 0 or step >= planned:
                log(f"batch {step}/{planned}: mean loss {total / 20:.4f} ({time.time() - started:.0f}s)")
            total = 0.0
    encoder.eval()
    log(f"{name}: {step} batches in {time.time() - started:.0f}s")
