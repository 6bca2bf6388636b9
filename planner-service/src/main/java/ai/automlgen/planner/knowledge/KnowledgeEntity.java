package ai.automlgen.planner.knowledge;

/**
 * What a coder may read of one knowledge-base entity ({@code GET /entities/{id}}): its title and advice, and the
 * code template or fix it carries (empty strings when absent).
 */
public record KnowledgeEntity(String id, String kind, String title, String summary, String whenToUse,
                              String whenToAvoid, String template, String fix) {
}
