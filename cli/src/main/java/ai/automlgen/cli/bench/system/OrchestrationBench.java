package ai.automlgen.cli.bench.system;

import ai.automlgen.cli.CliException;
import ai.automlgen.cli.Output;
import ai.automlgen.cli.RunRequest;
import ai.automlgen.cli.ServiceClient;
import ai.automlgen.events.NodeScored;
import ai.automlgen.events.RunEvent;
import ai.automlgen.events.RunFinished;
import ai.automlgen.events.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orchestration latency per node: one real run of the tiny task through the four services, its events
 * read off Kafka as they pass, and each executed node's created→scored time less its execution.
 */
final class OrchestrationBench {

    /** What the run was asked for. */
    record Settings(int maxNodes, int parallelism, String coder, String policy, Duration budget, long seed,
                    int warmupNodes) {
    }

    /** The run and its measurements; {@code segments} splits orchestration by hop (see {@link NodeTimings}). */
    record Result(String runId, String status, int nodesCreated, int nodesTimed, Statistics.Latency orchestration,
                  Statistics.Latency execution, Map<String, Statistics.Latency> segments) {
    }

    private OrchestrationBench() {
    }

    /**
     * Times one run; a warm-up run of {@code warmupNodes} goes first, untimed, so the services' first
     * node (class loading, JIT, connections) is not counted as orchestration.
     */
    static Result run(ServiceClient planner, Path taskDir, Settings settings) {
        List<String> topics = List.of(Topics.SEARCH_EVENTS, Topics.EXECUTIONS, Topics.EXECUTION_RESULTS,
                Topics.EVALUATIONS);
        try (KafkaEvents tap = KafkaEvents.open(topics)) {
            if (settings.warmupNodes() > 0) {
                Output.progress("orchestration: warm-up run of " + settings.warmupNodes() + " nodes (not timed)");
                runToEnd(planner, tap, taskDir, settings, settings.warmupNodes());
            }
            return runToEnd(planner, tap, taskDir, settings, settings.maxNodes());
        }
    }

    private static Result runToEnd(ServiceClient planner, KafkaEvents tap, Path taskDir, Settings settings, int maxNodes) {
        RunRequest request = new RunRequest(taskDir.toString(), settings.budget(), maxNodes,
                settings.policy(), settings.coder(), settings.parallelism(), settings.seed(), null);
        ServiceClient.Answer created = planner.post("/runs", request, Duration.ofSeconds(60));
        if (!created.ok()) {
            throw new CliException("the planner refused the benchmark run: " + created.error());
        }
        String runId = created.body().get("runId").asText();
        Output.progress("orchestration: run " + runId + " (" + settings.coder() + " coder, " + settings.policy()
                + ", " + maxNodes + " nodes, parallelism " + settings.parallelism() + ")");
        Instant deadline = Instant.now().plus(settings.budget()).plus(Duration.ofMinutes(5));
        List<RunEvent> events = new ArrayList<>();
        int reported = 0;
        while (!finished(events) && Instant.now().isBefore(deadline)) {
            tap.collect(events, e -> runId.equals(e.runId()), OrchestrationBench::finished,
                    Instant.now().plusSeconds(10));
            long scored = events.stream().filter(e -> e instanceof NodeScored).count();
            if (scored != reported) {
                Output.progress("orchestration: " + scored + " node(s) scored");
                reported = (int) scored;
            }
        }
        RunFinished end = events.stream().filter(e -> e instanceof RunFinished).map(e -> (RunFinished) e)
                .findFirst().orElseThrow(() -> new CliException("run " + runId + " did not finish within "
                        + settings.budget() + " + 5 minutes; cancel it with './automlgen cancel " + runId + "'"));
        return summarize(runId, end.status(), events);
    }

    private static boolean finished(List<RunEvent> events) {
        return events.stream().anyMatch(e -> e instanceof RunFinished);
    }

    static Result summarize(String runId, String status, List<RunEvent> events) {
        NodeTimings.Result timings = NodeTimings.of(events);
        List<NodeTimings.Timing> timed = timings.timed();
        if (timed.isEmpty()) {
            throw new CliException("run " + runId + " (" + status + ") executed and scored no node, so there is "
                    + "nothing to time; see './automlgen graph " + runId + "' for why");
        }
        Map<String, Statistics.Latency> segments = new LinkedHashMap<>();
        segments.put("dispatch (NodeCreated -> ExecutionRequested)",
                Statistics.latency(timed.stream().map(NodeTimings.Timing::dispatchMs).toList()));
        segments.put("executor overhead (ExecutionRequested -> ExecutionFinished - execution)",
                Statistics.latency(timed.stream().map(NodeTimings.Timing::executorOverheadMs).toList()));
        segments.put("evaluation (ExecutionFinished -> EvaluationCompleted)",
                Statistics.latency(timed.stream().map(NodeTimings.Timing::evaluationMs).toList()));
        segments.put("scoring (EvaluationCompleted -> NodeScored)",
                Statistics.latency(timed.stream().map(NodeTimings.Timing::scoringMs).toList()));
        return new Result(runId, status, timed.size() + timings.untimed(), timed.size(),
                Statistics.latency(timed.stream().map(NodeTimings.Timing::orchestrationMs).toList()),
                Statistics.latency(timed.stream().map(t -> (double) t.executionMs()).toList()), segments);
    }
}
