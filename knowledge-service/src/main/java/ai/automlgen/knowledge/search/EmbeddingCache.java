package ai.automlgen.knowledge.search;

import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings on disk, keyed by the SHA-256 of each text, one file per model. Only texts whose
 * hash is missing are embedded, so editing one entity re-embeds one text. An unreadable cache is
 * ignored (and rewritten), never fatal.
 */
public final class EmbeddingCache {
    private static final Logger LOG = Logger.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x4b42454d; // "KBEM"
    private final Path file;

    public EmbeddingCache(Path cacheDir, String modelName) {
        this.file = cacheDir.resolve("knowledge-embeddings-" + modelName + ".bin");
    }

    /** Unit vectors for some texts, in their order, and how many of them had to be embedded (not cached). */
    public record Vectors(List<float[]> vectors, int computed) {
    }

    public Vectors vectors(List<String> texts, Embedder embedder) {
        Map<String, float[]> cached = read();
        List<String> keys = texts.stream().map(EmbeddingCache::sha256).toList();
        List<String> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!cached.containsKey(keys.get(i)) && !missingKeys.contains(keys.get(i))) {
                missing.add(texts.get(i));
                missingKeys.add(keys.get(i));
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = embedder.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                cached.put(missingKeys.get(i), fresh.get(i));
            }
        }
        Map<String, float[]> current = new LinkedHashMap<>();
        keys.forEach(k -> current.put(k, cached.get(k)));
        if (!missing.isEmpty() || current.size() != cached.size()) {
            write(current);
        }
        return new Vectors(keys.stream().map(current::get).toList(), missing.size());
    }

    private Map<String, float[]> read() {
        Map<String, float[]> entries = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                LOG.warnf("ignoring %s: not an embedding cache", file);
                return entries;
            }
            int count = in.readInt();
            int dimension = in.readInt();
            byte[] key = new byte[32];
            for (int i = 0; i < count; i++) {
                in.readFully(key);
                float[] vector = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    vector[d] = in.readFloat();
                }
                entries.put(HexFormat.of().formatHex(key), vector);
            }
            return entries;
        } catch (IOException e) {
            LOG.warnf("ignoring the unreadable embedding cache %s: %s", file, e.getMessage());
            return new HashMap<>();
        }
    }

    private void write(Map<String, float[]> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int dimension = entries.values().iterator().next().length;
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeInt(entries.size());
                out.writeInt(dimension);
                for (Map.Entry<String, float[]> entry : entries.entrySet()) {
                    out.write(HexFormat.of().parseHex(entry.getKey()));
                    for (float v : entry.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("cannot write the embedding cache %s (start-up will embed again next time): %s",
                    file, e.getMessage());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
