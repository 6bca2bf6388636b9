package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.Entity;
import ai.automlgen.knowledge.kb.Vocabulary;

import java.util.List;

/**
 * Whether an entity passes a request's filters. An entity that lists no modality (or "any")
 * suits every modality; likewise for task types. Kind and level must equal the filter.
 */
public final class EntityFilter {
    private EntityFilter() {
    }

    public static boolean matches(Entity entity, String modality, String taskType, String kind, String level) {
        return suits(entity.modalities(), modality)
                && suits(entity.taskTypes(), taskType)
                && (kind == null || kind.equals(entity.kind()))
                && (level == null || level.equals(entity.level()));
    }

    public static boolean matches(Entity entity, SearchRequest request) {
        return matches(entity, request.modality(), request.taskType(), request.kind(), request.level());
    }

    private static boolean suits(List<String> listed, String wanted) {
        return wanted == null || listed.isEmpty() || listed.contains(Vocabulary.ANY) || listed.contains(wanted);
    }
}
