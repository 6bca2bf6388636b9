package ai.automlgen.executor.artifacts;

import ai.automlgen.events.ArtifactRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The artifact store as a folder: {@code <root>/<runId>/<nodeId>/<relative path>}, referenced by
 * {@code file:} URIs. Only regular files are taken (links are skipped: code could point one at a
 * host file); each file and the total are capped.
 */
public final class FileArtifactStore implements ArtifactStore {
    private final Path root;
    private final long maxFileBytes;
    private final long maxTotalBytes;

    public FileArtifactStore(Path root, long maxFileBytes, long maxTotalBytes) {
        this.root = root;
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    @Override
    public Collected collect(String runId, String nodeId, Path outputDir) {
        Path target = root.resolve(safeSegment(runId)).resolve(safeSegment(nodeId));
        List<ArtifactRef> kept = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        try {
            FileTrees.deleteRecursively(target);
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot collect artifacts of " + runId + "/" + nodeId + " into " + target
                    + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            return new Collected(kept, leftOut);
        }
        long total = 0;
        // What the code left is the code's business: a file that cannot be collected is left out, and named.
        for (Path file : filesUnder(outputDir, leftOut)) {
            String name = outputDir.relativize(file).toString();
            Path stored = target.resolve(name);
            try {
                if (Files.isSymbolicLink(file)) {
                    leftOut.add(name + " (a symbolic link; only regular files are collected)");
                    continue;
                }
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long size = Files.size(file);
                if (size > maxFileBytes) {
                    leftOut.add(name + " (" + size + " bytes, over the " + maxFileBytes + "-byte limit per file)");
                    continue;
                }
                if (total + size > maxTotalBytes) {
                    leftOut.add(name + " (" + size + " bytes, over the " + maxTotalBytes + "-byte limit per execution)");
                    continue;
                }
                Files.createDirectories(stored.getParent());
                String sha256 = copyHashing(file, stored);
                total += size;
                kept.add(new ArtifactRef(name, stored.toUri().toString(), size, sha256));
            } catch (IOException e) {
                leftOut.add(name + " (could not be collected: " + e + ")");
                deleteQuietly(stored);
            }
        }
        return new Collected(kept, leftOut);
    }

    /** The entries under {@code dir}, sorted; a folder that cannot be listed is named in {@code leftOut}. */
    private static List<Path> filesUnder(Path dir, List<String> leftOut) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    files.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    leftOut.add(dir.relativize(file) + " (could not be collected: " + e + ")");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                    if (e != null) {
                        leftOut.add(dir.relativize(folder) + "/ (could not be listed to the end: " + e + ")");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitor above never throws
        }
        files.sort(null);
        return files;
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // nothing refers to it; the next collection of this node clears the folder
        }
    }

    /** runId and nodeId come from events; refuse anything that could climb out of the store. */
    public static String safeSegment(String id) {
        if (id == null || id.isBlank() || id.equals(".") || id.equals("..") || id.contains("/") || id.contains("\\")
                || id.contains("\0")) {
            throw new IllegalArgumentException("'" + id + "' cannot name an artifact folder: ids must be non-empty"
                    + " and contain no '/', '\\' or '..'");
        }
        return id;
    }

    private static String copyHashing(Path from, Path to) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(to), digest)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
