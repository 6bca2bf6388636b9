package ai.automlgen.knowledge.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddingCacheTest {
    @TempDir
    Path dir;

    @Test
    void secondStartEmbedsOnlyChangedTexts() {
        CountingEmbedder embedder = new CountingEmbedder();
        EmbeddingCache.Vectors first = new EmbeddingCache(dir, "counting").vectors(List.of("a b", "c d"), embedder);
        assertEquals(2, first.computed());

        EmbeddingCache.Vectors second = new EmbeddingCache(dir, "counting").vectors(List.of("a b", "c e"), embedder);
        assertEquals(1, second.computed());
        assertEquals(3, embedder.embedded);
        assertArrayEquals(first.vectors().get(0), second.vectors().get(0));
    }

    @Test
    void unreadableCacheIsIgnored() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("knowledge-embeddings-counting.bin"), "garbage");
        assertEquals(1, new EmbeddingCache(dir, "counting").vectors(List.of("a"), new CountingEmbedder()).computed());
    }
}
