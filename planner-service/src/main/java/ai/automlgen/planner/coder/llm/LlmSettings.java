package ai.automlgen.planner.coder.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * The llm coder's own settings (application.properties, "LLM coder"); the chat model's (key, temperature, token
 * limit, timeout) are quarkus-langchain4j's.
 *
 * @param baseUrl   the OpenAI-compatible endpoint; empty when none is configured (the coder then refuses runs)
 * @param model     the model name the endpoint serves; empty when none is configured
 * @param retries   further attempts after a call fails in transport (connection, timeout, 5xx, rate limit)
 * @param backoff   the wait before the first retry, doubled before each next one up to {@link #MAX_BACKOFF}
 * @param entities  how many of the step's retrieved knowledge entities a prompt carries
 * @param maxPromptChars what a prompt (system and user message) should stay under: reference scripts are cut to fit
 */
public record LlmSettings(Optional<String> baseUrl, Optional<String> model, int retries, Duration backoff, int entities,
                          int maxPromptChars) {
    /** Doubling past this only makes a node wait for an endpoint that is down; the retries count bounds the rest. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    public LlmSettings {
        if (retries < 0 || entities < 0 || backoff.isNegative() || maxPromptChars < 0) {
            throw new IllegalArgumentException("llm settings must not be negative (retries " + retries + ", entities "
                    + entities + ", backoff " + backoff + ", max prompt chars " + maxPromptChars + ")");
        }
        baseUrl = baseUrl.filter(url -> !url.isBlank());
        model = model.filter(name -> !name.isBlank());
    }

    /** The wait before retry {@code retry} (1 is the first): the backoff doubled per earlier retry, at most {@link #MAX_BACKOFF}. */
    public Duration backoffBefore(int retry) {
        Duration wait = backoff;
        for (int i = 1; i < retry && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) < 0 ? wait : MAX_BACKOFF;
    }
}
