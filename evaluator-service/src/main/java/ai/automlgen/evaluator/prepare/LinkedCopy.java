package ai.automlgen.evaluator.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Puts a public file (or a whole folder) into a prepared run folder as real directory entries:
 * a hard link where source and target share a filesystem, a copy otherwise. Never a symbolic
 * link — a sandbox mounts only the run's folder, so a link pointing back into the task folder
 * would dangle inside it.
 */
final class LinkedCopy {
    private LinkedCopy() {
    }

    static void place(Path source, Path target) throws IOException {
        Path real = source.toRealPath();
        if (Files.isDirectory(real)) {
            Files.createDirectories(target);
            try (Stream<Path> children = Files.list(real)) {
                for (Path child : children.toList()) {
                    place(child, target.resolve(child.getFileName().toString()));
                }
            }
            return;
        }
        try {
            Files.createLink(target, real);
        } catch (IOException | UnsupportedOperationException e) {
            // another filesystem (e.g. a read-only task mount): copy
            Files.copy(real, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
