package ai.automlgen.knowledge.search;

import java.util.Arrays;
import java.util.Locale;

/** Which ranking answers a search: BM25 alone, dense embeddings alone, or both fused by reciprocal rank. */
public enum SearchMode {
    HYBRID, BM25, DENSE;

    /** Null means hybrid. */
    public static SearchMode parse(String text) {
        if (text == null || text.isBlank()) {
            return HYBRID;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + text + "'; use one of "
                    + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
