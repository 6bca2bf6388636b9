package ai.automlgen.knowledge.quality;

import ai.automlgen.knowledge.kb.KnowledgeBase;
import ai.automlgen.knowledge.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The labelled set is large enough and labels only entities that exist. */
class LabelledQueriesTest {
    private final List<LabelledQuery> queries = LabelledQuery.load();

    @Test
    void thereAreAtLeast60LabelledQueriesEachWithARelevantId() {
        assertTrue(queries.size() >= 60, queries.size() + " labelled queries");
        queries.forEach(q -> assertTrue(q.relevant() != null && !q.relevant().isEmpty(), q.text()));
    }

    @Test
    void everyLabelledIdExistsInTheShippedBase() {
        KnowledgeBase base = KnowledgeBase.of(KnowledgeBaseLoader.readShipped());
        Map<String, String> missing = new TreeMap<>();
        queries.forEach(q -> q.relevant().stream().filter(id -> base.find(id).isEmpty())
                .forEach(id -> missing.put(id, q.text())));
        assertEquals(Map.of(), missing, "labelled ids missing from the base (id -> query)");
    }
}
