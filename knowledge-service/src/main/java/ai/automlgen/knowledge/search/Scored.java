package ai.automlgen.knowledge.search;

/** An entity position in the base with a score from one ranking (higher is better). */
public record Scored(int ordinal, double score) {
}
