package ai.automlgen.cli;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRequestTest {

    @Test
    void writesThePlannersRunRequestFields() throws Exception {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(new RunRequest("/tasks/t", Duration.ofMinutes(3), 4,
                "mcts", null, 2, 7L, Map.of("search.fusion", "false"))));
        assertEquals("/tasks/t", json.get("taskDir").asText());
        assertEquals(Duration.ofMinutes(3), Duration.parse(json.get("budget").asText()));
        assertEquals(4, json.get("maxNodes").asInt());
        assertEquals("mcts", json.get("policy").asText());
        assertTrue(json.path("coder").isNull() || json.path("coder").isMissingNode(), json.toString());
        assertEquals(7L, json.get("seed").asLong());
        assertEquals("false", json.get("params").get("search.fusion").asText());
    }
}
