package ai.automlgen.knowledge.api;

/** POST /pitfalls/match. limit defaults to 5. */
public record PitfallBody(String traceback, Integer limit) {
}
