package ai.automlgen.planner.coder.knowledge;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pretrained encoder in coder/encoder/minilm.py and coder/feature/phrase_embeddings.py (all-MiniLM-L6-v2 re-built in torch from its ONNX
 * export, with a WordPiece tokenizer of its own: the runtime image has neither onnxruntime nor tokenizers for Python)
 * against the same export run by ONNX Runtime with the reference HuggingFace tokenizer, on the files the executor
 * mounts as /models; then the feature block itself on phrase pairs.
 */
class PhraseEmbeddingsTest {
    private static final List<String> TEXTS = List.of("A man is eating food.", "A man is eating a piece of bread.",
            "Café déjà vu: naïve RÉSUMÉ!", "unaffable thermoplastic polyurethane", "C08L 101/00 (2006.01) — mixtures",
            "", "supercalifragilisticexpialidocious antidisestablishmentarianism", "engine", "motor", "Ω≈ç√∫ 中文 text");

    private final Path models = TestModels.dir();

    @Test
    void theTorchEncoderMatchesOnnxRuntimeTokenForTokenAndVectorForVector(@TempDir Path work) throws Exception {
        String checks = """
                texts = json.load(open(os.path.join(OUTPUT, "texts.json")))
                tokenizer = WordPiece(os.path.join(SENTENCE_ENCODER, "tokenizer.json"), 128)
                json.dump({"ids": [tokenizer.encode(t) for t in texts],
                           "vectors": sentence_embeddings(texts, max_length=128).tolist()}, open(os.path.join(OUTPUT, "python.json"), "w"))
                """;
        Path out = Files.createDirectories(work.resolve("out"));
        new ObjectMapper().writeValue(out.resolve("texts.json").toFile(), TEXTS);
        ScriptRun.assertChecksPass(work, List.of("ROLES = {}", Template.load("common.py"), Template.load("encoder/minilm.py"), Template.load("feature/phrase_embeddings.py"), checks),
                List.of(), 300, Map.of("AUTOMLGEN_MODELS", models.toString()));
        JsonNode python = new ObjectMapper().readTree(out.resolve("python.json").toFile());

        Path folder = models.resolve("all-minilm-l6-v2");
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(folder.resolve("tokenizer.json"));
             OrtSession session = environment.createSession(folder.resolve("model.onnx").toString(), new OrtSession.SessionOptions())) {
            for (int row = 0; row < TEXTS.size(); row++) {
                Encoding encoding = tokenizer.encode(TEXTS.get(row));
                long[] ids = encoding.getIds();
                long[] pythonIds = new ObjectMapper().convertValue(python.get("ids").get(row), long[].class);
                assertArrayEquals(ids, pythonIds, "tokens of '" + TEXTS.get(row) + "': " + List.of(encoding.getTokens()));
                float[] reference = meanPooledUnitVector(environment, session, ids, encoding.getAttentionMask(), encoding.getTypeIds());
                double cosine = 0;
                for (int i = 0; i < reference.length; i++) {
                    cosine += reference[i] * python.get("vectors").get(row).get(i).asDouble();
                }
                assertTrue(cosine > 0.9999, "'" + TEXTS.get(row) + "': cosine to ONNX Runtime's vector " + cosine);
            }
        }
    }

    private static float[] meanPooledUnitVector(OrtEnvironment environment, OrtSession session, long[] ids, long[] mask, long[] types)
            throws Exception {
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, new long[][]{ids});
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, new long[][]{mask});
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, new long[][]{types});
             OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
            float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
            float[] pooled = new float[hidden[0].length];
            for (float[] token : hidden) {
                for (int i = 0; i < pooled.length; i++) {
                    pooled[i] += token[i] / hidden.length;
                }
            }
            double norm = 0;
            for (float v : pooled) {
                norm += v * v;
            }
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] /= (float) Math.sqrt(norm);
            }
            return pooled;
        }
    }

    private static final String BLOCK_CHECKS = """
            frame = pd.DataFrame({
                "id": ["p%d" % i for i in range(6)],
                "anchor": ["engine", "engine", "car", "car", "wireless network", "wireless network"],
                "target": ["motor", "banana bread", "automobile", "tropical island", "radio communication link", "oak furniture"],
                "context": ["F02", "F02", "A47", "A47", "H04", "H04"]})
            kinds = column_kinds(frame)
            kinds.pop("id")  # as the table script does: an id is not a feature
            context = Context(frame, kinds, 6, np.zeros(6), [("train", 6)], {"train": list(frame["id"])})
            cosine = FEATURE_BUILDERS["feature.phrase_embeddings"](context, {"vectors": False})
            print("one cosine column", cosine.shape == (6, 1))
            print("related pairs score above unrelated ones", all(cosine[i, 0] > cosine[i + 1, 0] + 0.15 for i in (0, 2, 4)))
            full = FEATURE_BUILDERS["feature.phrase_embeddings"](context, {})
            print("product and difference", full.shape == (6, 769) and np.allclose(full[:, 0], cosine[:, 0])
                  and np.allclose(full[:, 1:385].sum(axis=1), cosine[:, 0], atol=1e-5) and (full[:, 385:] >= 0).all())
            print("encoder present", "feature.phrase_embeddings" not in blocks_without_input(frame, kinds))
            SENTENCE_ENCODER = os.path.join(OUTPUT, "no-such-model")
            print("encoder missing: skipped and named", FEATURE_BUILDERS["feature.phrase_embeddings"](context, {}) is None
                  and "feature.phrase_embeddings" in blocks_without_input(frame, kinds))
            """;

    @Test
    void theBlockScoresRelatedPhrasesAboveUnrelatedOnesAndIsSkippedWithoutTheEncoder(@TempDir Path work) throws Exception {
        String frame = Template.load("data/tabular_frame.py");
        List<String> parts = new ArrayList<>(List.of("ROLES = {}", Template.load("common.py"),
                "TASK_TYPE = 'similarity_regression'\nID_COLUMN = 'id'\nLABEL_COLUMNS = ['score']",
                Template.load("encoder/minilm.py"), Template.load("feature/phrase_embeddings.py"), frame.substring(0, frame.lastIndexOf("main()")), BLOCK_CHECKS));
        ScriptRun.assertChecksPass(work, parts, List.of("one cosine column", "related pairs score above unrelated ones",
                "product and difference", "encoder present", "encoder missing: skipped and named"), 300,
                Map.of("AUTOMLGEN_MODELS", models.toString()));
    }
}
