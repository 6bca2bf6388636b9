package ai.automlgen.cli.bench.system;

import ai.automlgen.cli.CliException;
import ai.automlgen.cli.Output;
import ai.automlgen.events.CodeRef;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.RunEvent;
import ai.automlgen.events.Resources;
import ai.automlgen.events.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Executor throughput: a batch of no-op executions published straight to the executions topic for
 * synthetic runs (spread over several run and node ids so every partition, and so every instance in
 * the consumer group, gets work), timed from the first request to the last ExecutionFinished.
 */
final class ExecutorThroughputBench {
    /** Synthetic runs per batch: more than the topics' partitions, so the keys cover them all. */
    static final int RUNS_PER_BATCH = 8;
    private static final Resources RESOURCES = new Resources(1, 512, 0);

    /**
     * One measured batch. {@code perSecond} counts OK executions only (a killed or rejected one ends early
     * and would flatter the rate); {@code byExecutor}: finished executions per executor instance id.
     */
    record Result(String label, int instances, int requested, int finished, int ok, double windowMs, double perSecond,
                  Statistics.Latency execution, Map<String, Long> byExecutor, Map<String, Long> outcomes) {
    }

    private final String inputDir;
    private final double sleepSeconds;

    ExecutorThroughputBench(String inputDir, double sleepSeconds) {
        this.inputDir = inputDir;
        this.sleepSeconds = sleepSeconds;
    }

    /** The no-op pipeline: sleeps, then writes one small output file. */
    String script() {
        return String.format(Locale.ROOT, """
                import os, pathlib, time
                time.sleep(%s)
                pathlib.Path(os.environ["AUTOMLGEN_OUTPUT"], "done.txt").write_text("ok")
                """, sleepSeconds);
    }

    Result measure(String label, int instances, int executions) {
        String batch = "sysbench-" + UUID.randomUUID().toString().substring(0, 8) + "-" + label;
        List<ExecutionRequested> requests = new ArrayList<>();
        for (int i = 0; i < executions; i++) {
            requests.add(ExecutionRequested.of(batch + "-r" + (i % RUNS_PER_BATCH), "n" + (i + 1),
                    CodeRef.python(script()), inputDir, RESOURCES, Duration.ofMinutes(2), false));
        }
        Set<String> runIds = requests.stream().map(ExecutionRequested::runId).collect(Collectors.toSet());
        try (KafkaEvents tap = KafkaEvents.open(List.of(Topics.EXECUTION_RESULTS))) {
            Output.progress("executors: " + executions + " no-op executions on " + instances + " instance(s)");
            Instant start = Instant.now();
            requests.forEach(r -> tap.send(Topics.EXECUTIONS, r.nodeId(), r));
            Instant deadline = start.plus(Duration.ofSeconds(120 + (long) (executions * (sleepSeconds + 2))));
            List<RunEvent> events = tap.collect(new ArrayList<>(),
                    e -> e instanceof ExecutionFinished && runIds.contains(e.runId()),
                    kept -> kept.size() >= executions, deadline);
            List<ExecutionFinished> finished = events.stream().map(e -> (ExecutionFinished) e).toList();
            if (finished.isEmpty()) {
                throw new CliException("no executor answered " + executions + " execution requests within "
                        + Duration.between(start, deadline).toSeconds() + " s: is executor-service running? ('./automlgen status')");
            }
            Instant last = finished.stream().map(ExecutionFinished::at).max(Instant::compareTo).orElseThrow();
            double windowMs = Duration.between(start, last).toNanos() / 1e6;
            int ok = (int) finished.stream().filter(f -> f.outcome() == Outcome.OK).count();
            return new Result(label, instances, executions, finished.size(), ok, windowMs,
                    Statistics.perSecond(ok, windowMs),
                    Statistics.latency(finished.stream().map(f -> (double) f.durationMs()).toList()),
                    new TreeMap<>(finished.stream().collect(Collectors.groupingBy(ExecutionFinished::executorId,
                            Collectors.counting()))),
                    new TreeMap<>(finished.stream().collect(Collectors.groupingBy(f -> f.outcome().name(),
                            Collectors.counting()))));
        }
    }
}
