package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.Vocabulary;

import java.util.List;

/**
 * A validated search: free text plus optional filters (null matches everything; "any" is the same
 * as null). The constructor rejects what a caller can get wrong with a message saying the fix.
 */
public record SearchRequest(String text, String modality, String taskType, String kind, String level, int limit,
                            SearchMode mode) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public SearchRequest {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required: describe the task, the data or the problem");
        }
        modality = filter("modality", modality, Vocabulary.MODALITIES);
        taskType = filter("taskType", taskType, Vocabulary.TASK_TYPES);
        kind = filter("kind", kind, Vocabulary.KINDS);
        level = filter("level", level, Vocabulary.LEVELS);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
        }
        mode = mode == null ? SearchMode.HYBRID : mode;
    }

    private static String filter(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank() || value.equals(Vocabulary.ANY)) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("unknown " + name + " '" + value + "'; use one of " + allowed
                    + " or leave it null");
        }
        return value;
    }
}
