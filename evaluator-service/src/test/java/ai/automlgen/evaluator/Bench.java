package ai.automlgen.evaluator;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared benchmark suite (../shared/bench, or $AUTOMLGEN_BENCH); tests using it skip when it is absent. */
public final class Bench {
    private Bench() {
    }

    public static Path root() {
        String configured = System.getenv("AUTOMLGEN_BENCH");
        Path root = configured != null ? Path.of(configured) : Path.of("/work/shared/bench");
        Assumptions.assumeTrue(Files.isDirectory(root), "benchmark suite not found at " + root);
        return root;
    }

    public static Path task(String name) {
        Path task = root().resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(task), "benchmark task not found: " + task);
        return task;
    }

    public static List<Path> tasks() throws IOException {
        try (Stream<Path> listing = Files.list(root())) {
            return listing.filter(p -> Files.isRegularFile(p.resolve("task.yaml"))).sorted().toList();
        }
    }
}
