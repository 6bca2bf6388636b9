package ai.automlgen.planner.coder;

import java.util.Map;

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

    /**
     * Whether {@link #write} may take long: a model's answer takes seconds to minutes. The planner writes a slow
     * coder's code on threads of its own, so the run's other events, a cancel and other runs do not wait for it.
     */
    default boolean slow() {
        return false;
    }

    /**
     * Checks the run's parameters this coder reads (its {@code coder.} keys) before a run starts, so a
     * mistyped option fails the run request instead of every node. A coder that reads none refuses them all,
     * rather than silently ignoring an ablation switch meant for another coder.
     *
     * @throws CoderException naming the bad key or value and what is allowed
     */
    default void check(Map<String, String> params) {
        params.keySet().stream().filter(key -> key.startsWith("coder.")).findFirst().ifPresent(key -> {
            throw new CoderException("the " + name() + " coder has no parameter '" + key + "'; coder. parameters "
                    + "such as coder.knowledge and coder.operators belong to the knowledge coder (--coder knowledge)");
        });
    }
}
