package ai.automlgen.planner.coder.llm;

/** One SEARCH/REPLACE block of a model's answer: {@code search} is replaced by {@code replace} in the parent's code. */
public record Patch(String search, String replace) {
}
