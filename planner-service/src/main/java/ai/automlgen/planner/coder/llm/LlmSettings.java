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
 * @param backoff   the wait before the first retry, doubled before each next one
 * @param entities  how many of the step's retrieved knowledge entities a prompt carries
 */
public record LlmSettings(Optional<String> baseUrl, Optional<String> model, int retries, Duration backoff, int entities) {
    public LlmSettings {
        if (retries < 0 || entities < 0 || backoff.isNegative()) {
            throw new IllegalArgumentException("llm settings must not be negative (retries " + retries + ", entities "
                    + entities + ", backoff " + backoff + ")");
        }
        baseUrl = baseUrl.filter(url -> !url.isBlank());
        model = model.filter(name -> !name.isBlank());
    }
}
