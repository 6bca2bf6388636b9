package ai.automlgen.cli.bench.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one {@code bench system} measured, and its rendering as system.md. A part that was not
 * run is null and is left out of the page.
 */
record SystemReport(String date, String machine, OrchestrationBench.Settings settings,
                    OrchestrationBench.Result orchestration, List<Integer> executorSlotCpus,
                    List<ExecutorThroughputBench.Result> executors, Graph graph) {

    /** Goals from the issue: orchestration per node p50 <= 50 ms, p99 <= 250 ms. */
    static final double GOAL_P50_MS = 50;
    static final double GOAL_P99_MS = 250;

    record Graph(String runId, int nodes, int requests, Map<String, Statistics.Latency> latencies) {
    }

    String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# System benchmarks");
        lines.add("");
        lines.add("- date: " + date);
        lines.add("- machine: " + machine);
        lines.add("- command: `./automlgen bench system`");
        if (orchestration != null) {
            lines.add("");
            lines.add("## Orchestration latency per node");
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Run %s (%s): %s coder, %s policy, %d-node budget, parallelism %d, "
                            + "tiny synthetic tabular task. %d of %d nodes timed (the root, coder failures and the "
                            + "refit have no scored execution). %s", orchestration.runId(), orchestration.status(),
                    settings.coder(), settings.policy(), settings.maxNodes(), settings.parallelism(),
                    orchestration.nodesTimed(), orchestration.nodesCreated(), settings.warmupNodes() > 0
                            ? "A warm-up run of " + settings.warmupNodes() + " nodes went first, untimed: a fresh JVM runs "
                            + "the event handlers interpreted for their first few hundred events, then JIT-compiled."
                            : "No warm-up: the first node of a fresh stack includes class loading and JIT."));
            lines.add("");
            lines.add("Orchestration = NodeScored.at − NodeCreated.at − ExecutionFinished.durationMs (the sandboxed "
                    + "process's wall time), from the events' own timestamps on Kafka. The planner writes a node's "
                    + "code before it publishes NodeCreated, so code generation is outside the span.");
            lines.add("");
            lines.add("| | n | p50 ms | p90 ms | p99 ms | mean ms | max ms |");
            lines.add("|---|---|---|---|---|---|---|");
            lines.add(row("**orchestration**", orchestration.orchestration()));
            orchestration.segments().forEach((name, latency) -> lines.add(row("  " + name, latency)));
            lines.add(row("execution (not orchestration)", orchestration.execution()));
            lines.add("");
            Statistics.Latency o = orchestration.orchestration();
            lines.add(String.format(Locale.ROOT, "Goal p50 ≤ %.0f ms: %s (%.1f ms). Goal p99 ≤ %.0f ms: %s (%.1f ms).",
                    GOAL_P50_MS, o.p50() <= GOAL_P50_MS ? "met" : "missed", o.p50(),
                    GOAL_P99_MS, o.p99() <= GOAL_P99_MS ? "met" : "missed", o.p99()));
        }
        if (executors != null) {
            lines.add("");
            lines.add("## Executor throughput");
            lines.add("");
            lines.add("No-op executions (sleep, write one file; 1 CPU, 512 MB each) published straight to `executions` "
                    + "for " + ExecutorThroughputBench.RUNS_PER_BATCH + " synthetic runs; throughput = OK executions / "
                    + "(last ExecutionFinished − first request). Slots (CPUs) per instance: " + executorSlotCpus + ".");
            lines.add("");
            lines.add("| instances | requested | finished | OK | window s | OK executions/s | execution p50 ms | by instance | outcomes |");
            lines.add("|---|---|---|---|---|---|---|---|---|");
            for (ExecutorThroughputBench.Result r : executors) {
                lines.add(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %.2f | %.0f | %s | %s |", r.instances(),
                        r.requested(), r.finished(), r.ok(), r.windowMs() / 1000, r.perSecond(), r.execution().p50(),
                        r.byExecutor(), r.outcomes()));
            }
        }
        if (graph != null) {
            lines.add("");
            lines.add("## Graph read latency");
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Run %s, %d nodes; %d sequential requests per path after 10 warm-up "
                    + "calls, timed at the client (HTTP, the planner's Redis reads, JSON parsing).",
                    graph.runId(), graph.nodes(), graph.requests()));
            lines.add("");
            lines.add("| | n | p50 ms | p90 ms | p99 ms | mean ms | max ms |");
            lines.add("|---|---|---|---|---|---|---|");
            graph.latencies().forEach((path, latency) -> lines.add(row("`" + path + "`", latency)));
        }
        lines.add("");
        return String.join("\n", lines);
    }

    static String row(String name, Statistics.Latency l) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", name, l.count(), l.p50(),
                l.p90(), l.p99(), l.mean(), l.max());
    }
}
