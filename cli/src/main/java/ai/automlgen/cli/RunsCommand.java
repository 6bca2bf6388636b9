package ai.automlgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** List recent runs. */
@Command(name = "runs", description = "List recent runs.")
final class RunsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        ServiceClient.Answer answer = ServiceClient.planner().get("/runs");
        if (!answer.ok()) {
            throw new CliException(answer.error());
        }
        if (json) {
            Output.json(answer.body());
            return 0;
        }
        for (JsonNode run : answer.body()) {
            System.out.printf("%-18s %-10s %-34s best %s%n", run.get("runId").asText(), run.get("status").asText(),
                    run.path("task").asText("-"), Output.score(run.get("bestScore")));
        }
        return 0;
    }
}
