package ai.automlgen.evaluator.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Zip archives of images (Aerial Cactus ships train.zip / test.zip): extracted once per archive into
 * a cache under {@code $AUTOMLGEN_HOME/tasks/<hash>/}, shared by every run of the task.
 */
final class ImageArchives {
    private static final List<String> IMAGE_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif");

    private final Path cacheRoot;

    ImageArchives(Path home) {
        this.cacheRoot = home.resolve("tasks");
    }

    static boolean holdsImages(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().anyMatch(e -> !e.isDirectory() && isImage(e.getName()));
        }
    }

    static boolean holdsEntryNamed(Path zip, String fileName) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().anyMatch(e -> Path.of(e.getName()).getFileName().toString().equals(fileName));
        }
    }

    /** The folder of the archive's images, extracting it first unless an earlier run did. */
    Path extracted(Path zip) throws IOException {
        Path target = cacheRoot.resolve(key(zip)).resolve(stem(zip));
        if (!Files.isDirectory(target)) {
            Path staging = Files.createDirectories(target.getParent()).resolve(".extracting-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.createDirectories(staging);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                for (ZipEntry entry : file.stream().toList()) {
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IOException(zip + ": entry '" + entry.getName() + "' escapes the archive folder");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                Files.walk(staging).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        return singleFolderInside(target);
    }

    /** Archives that wrap their images in one top folder (train/...) expose that folder. */
    private static Path singleFolderInside(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> all = children.toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) ? all.get(0) : folder;
        }
    }

    static String stem(Path zip) {
        String name = zip.getFileName().toString();
        return name.substring(0, name.length() - ".zip".length());
    }

    private static String key(Path zip) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String identity = zip.toAbsolutePath().normalize() + "|" + Files.size(zip) + "|" + Files.getLastModifiedTime(zip).toMillis();
            return HexFormat.of().formatHex(sha.digest(identity.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean isImage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(lower::endsWith);
    }
}
