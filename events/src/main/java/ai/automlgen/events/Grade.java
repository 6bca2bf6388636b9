package ai.automlgen.events;

/**
 * A submission graded against a task's private answers (benchmark mode only). For reporting:
 * the search never reads it. {@code medal} is gold, silver, bronze or null.
 */
public record Grade(Double score, boolean valid, String medal, boolean aboveMedian) {
}
