package ai.automlgen.planner.coder;

/**
 * Where a node's code comes from (DESIGN §6). One port, several implementations chosen per run by
 * {@link #name()}: {@code builtin} (a minimal tabular pipeline), {@code knowledge} (composes
 * knowledge-base templates, offline), {@code llm} (any OpenAI-compatible endpoint).
 *
 * <p>Implementations are CDI beans; they do no Kafka or Redis I/O and may be slow (an LLM call),
 * so callers run them off the event loop.
 */
public interface Coder {

    /** The name runs select this coder by ({@code RunConfig.coder}). */
    String name();

    /**
     * Writes the code for one operator application.
     *
     * @throws CoderException when the request cannot be served (a clear, user-facing message)
     */
    CodeResult write(CodeRequest request);
}
