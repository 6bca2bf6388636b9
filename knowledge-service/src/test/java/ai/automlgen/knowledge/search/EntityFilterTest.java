package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityFilterTest {
    static Entity entity(String id, String kind, String level, List<String> modalities, List<String> taskTypes) {
        return new Entity(id, kind, level, id, modalities, taskTypes, "s", "u", "a", List.of(), List.of(), "",
                List.of(), "", List.of(), List.of(), "test");
    }

    private final Entity tabularBinary = entity("model.a", "model", "model", List.of("tabular"), List.of("binary"));

    @Test
    void nullFiltersMatchEverything() {
        assertTrue(EntityFilter.matches(tabularBinary, null, null, null, null));
    }

    @Test
    void listedModalityMatchesAndOtherDoesNot() {
        assertTrue(EntityFilter.matches(tabularBinary, "tabular", null, null, null));
        assertFalse(EntityFilter.matches(tabularBinary, "image", null, null, null));
    }

    @Test
    void emptyListOrAnyMatchesEveryModalityAndTaskType() {
        assertTrue(EntityFilter.matches(entity("strategy.b", "strategy", "strategy", List.of(), List.of()),
                "audio", "ranking", null, null));
        assertTrue(EntityFilter.matches(entity("strategy.c", "strategy", "strategy", List.of("any"), List.of("any")),
                "audio", "ranking", null, null));
    }

    @Test
    void taskTypeKindAndLevelMustMatch() {
        assertFalse(EntityFilter.matches(tabularBinary, null, "regression", null, null));
        assertFalse(EntityFilter.matches(tabularBinary, null, null, "feature", null));
        assertFalse(EntityFilter.matches(tabularBinary, null, null, null, "data"));
        assertTrue(EntityFilter.matches(tabularBinary, "tabular", "binary", "model", "model"));
    }
}
