package ai.automlgen.executor.artifacts;

import ai.automlgen.events.ArtifactRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

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
        long total = 0;
        try {
            FileTrees.deleteRecursively(target);
            Files.createDirectories(target);
            if (!Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS)) {
                return new Collected(kept, leftOut);
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(outputDir)) {
                files = walk.filter(p -> !p.equals(outputDir)).sorted().toList();
            }
            for (Path file : files) {
                String name = outputDir.relativize(file).toString();
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
                Path stored = target.resolve(name);
                Files.createDirectories(stored.getParent());
                String sha256 = copyHashing(file, stored);
                total += size;
                kept.add(new ArtifactRef(name, stored.toUri().toString(), size, sha256));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot collect artifacts of " + runId + "/" + nodeId + " into " + target
                    + ": " + e.getMessage(), e);
        }
        return new Collected(kept, leftOut);
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
