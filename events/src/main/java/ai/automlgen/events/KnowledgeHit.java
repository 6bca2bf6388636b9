package ai.automlgen.events;

/** One ranked entity in a {@link KnowledgeResult}. */
public record KnowledgeHit(String id, String kind, String level, String title, String summary, double score) {
}
