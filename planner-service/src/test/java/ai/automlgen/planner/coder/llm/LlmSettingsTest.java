package ai.automlgen.planner.coder.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LlmSettingsTest {

    @Test
    void theBackoffDoublesPerRetryUpToOneMinute() {
        LlmSettings settings = new LlmSettings(Optional.empty(), Optional.empty(), 30, Duration.ofSeconds(20), 5, 60_000);

        assertEquals(Duration.ofSeconds(20), settings.backoffBefore(1));
        assertEquals(Duration.ofSeconds(40), settings.backoffBefore(2));
        assertEquals(Duration.ofMinutes(1), settings.backoffBefore(3));
        assertEquals(Duration.ofMinutes(1), settings.backoffBefore(30));
    }
}
