package ai.automlgen.knowledge.api;

/** POST /search. Null filters match everything; limit defaults to 10, mode to hybrid. */
public record SearchBody(String text, String modality, String taskType, String kind, String level, Integer limit,
                         String mode) {
}
