package ai.automlgen.knowledge.search;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Bm25IndexTest {

    @Test
    void askingForNoHitsGivesNone() throws Exception {
        try (Bm25Index index = new Bm25Index(List.of(
                EntityFilterTest.entity("model.xgboost", "model", "model", List.of(), List.of())))) {
            BitSet all = new BitSet();
            all.set(0);
            assertEquals(1, index.search("xgboost", all, 1).size());
            assertEquals(List.of(), index.search("xgboost", all, 0));
        }
    }
}
