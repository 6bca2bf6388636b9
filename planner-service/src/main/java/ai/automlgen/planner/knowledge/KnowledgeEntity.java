package ai.automlgen.planner.knowledge;

import java.util.List;

/**
 * What a coder may read of one knowledge-base entity ({@code GET /entities/{id}}): its title and advice, and the
 * code template or fix it carries (empty strings when absent), with the hyperparameters the template's
 * {@code {{name}}} placeholders stand for.
 */
public record KnowledgeEntity(String id, String kind, String title, String summary, String whenToUse,
                              String whenToAvoid, String template, String fix, List<Hyperparameter> hyperparameters) {
    public KnowledgeEntity {
        hyperparameters = hyperparameters == null ? List.of() : List.copyOf(hyperparameters);
    }

    /**
     * One tunable setting of the entity.
     *
     * @param defaultValue the default as a Python literal ({@code 6}, {@code 'hist'}, {@code True}, {@code None})
     * @param range        what it may be, in words ("int, 3 to 10", "one of hist, approx"); empty when not given
     */
    public record Hyperparameter(String name, String defaultValue, String range) {
    }
}
