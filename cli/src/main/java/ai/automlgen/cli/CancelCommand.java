package ai.automlgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** Cancel a run; its best node so far stays available. */
@Command(name = "cancel", description = "Cancel a running search.")
final class CancelCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "run id")
    String runId;

    @Override
    public Integer call() {
        ServiceClient.Answer answer = ServiceClient.planner().post("/runs/" + runId + "/cancel", Map.of(), Duration.ofSeconds(30));
        if (!answer.ok()) {
            throw new CliException(answer.error());
        }
        System.out.println("run " + runId + " " + answer.body().get("status").asText());
        return 0;
    }
}
