package ai.automlgen.cli.bench;

import ai.automlgen.events.EventJson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SearchShapeTest {

    @Test
    void countsNodesByOperatorAndNamesTheBestNodesOperator() throws Exception {
        SearchShape shape = SearchShape.of(EventJson.mapper().readTree("""
                {"runId": "r", "bestNodeId": "n7", "nodes": [
                  {"id": "root", "operator": "root", "status": "GOOD"},
                  {"id": "n1", "operator": "draft", "status": "BUGGY"},
                  {"id": "n2", "operator": "draft", "status": "GOOD", "score": 0.8},
                  {"id": "n3", "operator": "debug", "status": "GOOD", "score": 0.7},
                  {"id": "n4", "operator": "improve", "status": "GOOD", "score": 0.85},
                  {"id": "n7", "operator": "aggregation", "status": "GOOD", "score": 0.9},
                  {"id": "n8", "operator": "refit", "status": "GOOD"}]}"""));
        assertEquals(Map.of("draft", 2, "debug", 1, "improve", 1, "aggregation", 1, "refit", 1), shape.nodesByOperator());
        assertEquals("aggregation", shape.bestNodeOperator());
        assertEquals("n1", shape.firstDraft().get("id").asText());
    }

    @Test
    void aGraphWithoutNodesHasNoDraftAndNoBest() throws Exception {
        SearchShape shape = SearchShape.of(EventJson.mapper().readTree("{\"runId\": \"r\", \"bestNodeId\": null, \"nodes\": []}"));
        assertEquals(Map.of(), shape.nodesByOperator());
        assertNull(shape.firstDraft());
        assertNull(shape.bestNodeOperator());
    }
}
