package ai.automlgen.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a finished run's search graph (the planner's {@code /runs/{id}/graph}) says about how the search went: its
 * first draft, how many nodes each operator made, and which operator made the node the run chose as best.
 */
record SearchShape(JsonNode firstDraft, Map<String, Integer> nodesByOperator, String bestNodeOperator) {

    static SearchShape of(JsonNode graph) {
        JsonNode firstDraft = null;
        String bestOperator = null;
        String bestNodeId = graph.path("bestNodeId").asText(null);
        Map<String, Integer> byOperator = new TreeMap<>();
        // nodes come in creation order, so the first draft node is the run's first draft
        for (JsonNode node : graph.path("nodes")) {
            String operator = node.path("operator").asText("unknown");
            if (operator.equals("root")) {
                continue; // the task itself, not a node an operator made (the run's node count leaves it out too)
            }
            byOperator.merge(operator, 1, Integer::sum);
            if (firstDraft == null && operator.equals("draft")) {
                firstDraft = node;
            }
            if (node.path("id").asText().equals(bestNodeId)) {
                bestOperator = operator;
            }
        }
        return new SearchShape(firstDraft, byOperator, bestOperator);
    }
}
