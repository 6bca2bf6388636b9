package ai.automlgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** Export a run's search graph: nodes (id, operator, status, score, branch) and typed edges. */
@Command(name = "graph", description = "Show or export a run's search graph.")
final class GraphCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "run id")
    String runId;

    @Option(names = "--json", description = "print the graph as JSON")
    boolean json;

    @Override
    public Integer call() {
        ServiceClient.Answer answer = ServiceClient.planner().get("/runs/" + runId + "/graph");
        if (!answer.ok()) {
            throw new CliException(answer.error());
        }
        JsonNode graph = answer.body();
        if (json) {
            Output.json(graph);
            return 0;
        }
        for (JsonNode node : graph.get("nodes")) {
            System.out.printf("%-6s <- %-6s %-11s %-9s %-10s %s%n", node.get("id").asText(),
                    node.path("parent").asText("-"), node.get("operator").asText(), node.get("status").asText(),
                    Output.score(node.get("score")), node.path("plan").asText(""));
        }
        return 0;
    }
}
