package ai.automlgen.knowledge.api;

/** Every error answer: one sentence naming the problem and the fix. */
public record ErrorView(String error) {
}
