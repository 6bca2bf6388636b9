package ai.automlgen.knowledge.kb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The checks that need Python, for many entities in one process: each rendered template compiles
 * (as {@code python -m py_compile} would), imports only the standard library and runtime packages
 * the entity lists, and each error signature compiles as a Python regex.
 */
public final class PythonEntityCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = script();
    private final Path python;
    private final long timeoutSeconds;

    public PythonEntityCheck(Path python, long timeoutSeconds) {
        this.python = python;
        this.timeoutSeconds = timeoutSeconds;
    }

    public boolean available() {
        return Files.isExecutable(python);
    }

    /** Problems of the given entities; empty when all pass. */
    public List<LoadProblem> check(List<Entity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Entity entity : entities) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", entity.source());
            item.put("id", entity.id());
            item.put("code", entity.hasTemplate()
                    ? TemplateRenderer.render(entity.template(), entity.hyperparameters()) : null);
            item.put("packages", entity.packages());
            item.put("signatures", entity.errorSignatures());
            items.add(item);
        }
        try {
            Process process = new ProcessBuilder(python.toString(), "-I", "-c", SCRIPT).start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                JSON.writeValue(in, Map.of("runtime", Vocabulary.RUNTIME_PACKAGES, "items", items));
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the Python entity check ran past " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the Python entity check failed (exit " + process.exitValue() + "): "
                        + new String(stderr.join(), StandardCharsets.UTF_8).strip());
            }
            List<Map<String, String>> found = JSON.readValue(stdout.join(), new TypeReference<>() { });
            return found.stream()
                    .map(p -> new LoadProblem(p.get("file"), p.get("id"), p.get("field"), p.get("message")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + python + " for the entity check: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the Python entity check", e);
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String script() {
        try (InputStream in = PythonEntityCheck.class.getResourceAsStream("/python/check_entities.py")) {
            if (in == null) {
                throw new IllegalStateException("python/check_entities.py is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
