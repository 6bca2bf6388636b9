package ai.automlgen.cli.bench.system;

import ai.automlgen.cli.CliException;
import ai.automlgen.cli.Durations;
import ai.automlgen.cli.Output;
import ai.automlgen.cli.ServiceClient;
import ai.automlgen.cli.bench.Machine;
import ai.automlgen.events.EventJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code automlgen bench system}: orchestration latency per node, executor throughput with one and two
 * instances, and graph read latency, against the running services. Prints the numbers and writes
 * {@code <out>/system.md} and {@code <out>/system.json}.
 */
@Command(name = "system", mixinStandardHelpOptions = true,
        description = "System benchmarks against the running stack: orchestration latency per node, executor "
                + "throughput (one vs two instances), graph read latency.")
public final class SystemBenchCommand implements Callable<Integer> {
    private static final List<String> PARTS = List.of("orchestration", "executors", "graph");

    @Option(names = "--parts", split = ",", defaultValue = "orchestration,executors,graph",
            description = "which benchmarks: orchestration, executors, graph (default: all)")
    List<String> parts;

    @Option(names = "--out", defaultValue = "bench-results/system", description = "results folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--nodes", defaultValue = "100", description = "node budget of the orchestration run (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--warmup-nodes", defaultValue = "200",
            description = "node budget of an untimed run first: 200 times a stack in steady state (its event handlers "
                    + "JIT-compiled, as after a few runs), 10 a freshly started stack past class loading, 0 a cold "
                    + "stack (default: ${DEFAULT-VALUE})")
    int warmupNodes;

    @Option(names = "--parallelism", defaultValue = "1", description = "expansions in flight in that run (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--coder", defaultValue = "noop",
            description = "coder of that run: noop writes pipelines that only copy the placeholder predictions, so a node "
                    + "costs its orchestration; knowledge times real pipelines' nodes (default: ${DEFAULT-VALUE})")
    String coder;

    @Option(names = "--policy", defaultValue = "mcgs", description = "search policy of that run (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--budget", defaultValue = "15m", description = "wall-clock budget of that run (default: ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the tiny task and the run (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--executions", defaultValue = "40", description = "no-op executions per throughput batch (default: ${DEFAULT-VALUE})")
    int executions;

    @Option(names = "--sleep", defaultValue = "0.5", description = "seconds each no-op execution sleeps (default: ${DEFAULT-VALUE})")
    double sleep;

    @Option(names = "--executors-script", description = "starts/stops the second executor (default: infra/bench-executors.sh of this checkout)")
    Path executorsScript;

    @Option(names = "--graph-requests", defaultValue = "200", description = "GETs per graph path (default: ${DEFAULT-VALUE})")
    int graphRequests;

    @Option(names = "--run", description = "run whose graph to read when the orchestration part is not run")
    String graphRun;

    @Override
    public Integer call() throws IOException {
        for (String part : parts) {
            if (!PARTS.contains(part)) {
                throw new CliException("unknown part '" + part + "': choose from " + String.join(", ", PARTS));
            }
        }
        Set<String> chosen = Set.copyOf(parts);
        if (chosen.contains("graph") && !chosen.contains("orchestration") && graphRun == null) {
            throw new CliException("the graph part reads a run's graph: add the orchestration part, or name a run with --run");
        }
        if (nodes < 2 || parallelism < 1 || executions < 1 || graphRequests < 1 || sleep < 0 || warmupNodes < 0) {
            throw new CliException("--nodes must be at least 2, --parallelism, --executions and --graph-requests at "
                    + "least 1, and --sleep and --warmup-nodes not negative");
        }
        Path outDir = out.toAbsolutePath().normalize();
        Files.createDirectories(outDir);
        ServiceClient planner = ServiceClient.planner();
        OrchestrationBench.Settings settings = new OrchestrationBench.Settings(nodes, parallelism, coder, policy,
                Durations.parse(budget), seed, warmupNodes);

        OrchestrationBench.Result orchestration = null;
        if (chosen.contains("orchestration")) {
            Path task = TinyTask.write(outDir.resolve("tiny-task"), seed);
            orchestration = OrchestrationBench.run(planner, task, settings);
            print("orchestration per node", orchestration.orchestration());
            orchestration.segments().forEach((name, latency) -> print("  " + name, latency));
            print("execution (excluded)", orchestration.execution());
        }

        List<Integer> slotCpus = null;
        List<ExecutorThroughputBench.Result> throughput = null;
        if (chosen.contains("executors")) {
            slotCpus = new ArrayList<>();
            throughput = new ArrayList<>();
            measureExecutors(outDir, slotCpus, throughput);
        }

        SystemReport.Graph graph = null;
        if (chosen.contains("graph")) {
            String runId = orchestration != null ? orchestration.runId() : graphRun;
            graph = new SystemReport.Graph(runId, GraphLatencyBench.nodes(planner, runId), graphRequests,
                    GraphLatencyBench.measure(planner, runId, graphRequests));
            graph.latencies().forEach(SystemBenchCommand::print);
        }

        SystemReport report = new SystemReport(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Machine.describe(),
                settings, orchestration, slotCpus, throughput, graph);
        Files.writeString(outDir.resolve("system.md"), report.markdown());
        Files.writeString(outDir.resolve("system.json"),
                EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
        Output.progress("[bench system] wrote " + outDir.resolve("system.md") + " and system.json");
        System.out.println(outDir.resolve("system.md"));
        return 0;
    }

    private void measureExecutors(Path outDir, List<Integer> slotCpus, List<ExecutorThroughputBench.Result> results)
            throws IOException {
        Path input = outDir.resolve("executor-input");
        Files.createDirectories(input);
        Files.writeString(input.resolve("README.txt"), "input of the bench's no-op executions\n");
        TinyTask.readableByOthers(input);
        ExecutorThroughputBench bench = new ExecutorThroughputBench(input.toString(), sleep);
        slotCpus.add(SecondExecutor.slotCpus(executorUrl()));
        results.add(report(bench.measure("one", 1, executions)));
        SecondExecutor second = SecondExecutor.start(executorsScript());
        Thread stopOnExit = new Thread(second::close);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            slotCpus.add(SecondExecutor.slotCpus(second.url()));
            results.add(report(bench.measure("two", 2, executions)));
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            second.close();
        }
    }

    private static ExecutorThroughputBench.Result report(ExecutorThroughputBench.Result r) {
        Output.progress(String.format(Locale.ROOT, "executors: %d instance(s): %d/%d finished (%d OK) in %.1f s = %.2f OK executions/s, "
                        + "by instance %s, outcomes %s", r.instances(), r.finished(), r.requested(), r.ok(), r.windowMs() / 1000,
                r.perSecond(), r.byExecutor(), r.outcomes()));
        if (r.instances() > 1 && r.byExecutor().size() < r.instances()) {
            Output.progress("executors: warning: only " + r.byExecutor().size() + " instance(s) took work; the consumer "
                    + "group may not have rebalanced yet (rerun with more --executions)");
        }
        return r;
    }

    private static void print(String name, Statistics.Latency l) {
        System.out.printf(Locale.ROOT, "%-75s n=%-4d p50=%8.1f ms  p90=%8.1f ms  p99=%8.1f ms  max=%8.1f ms%n", name,
                l.count(), l.p50(), l.p90(), l.p99(), l.max());
    }

    private static String executorUrl() {
        String configured = System.getenv("AUTOMLGEN_EXECUTOR_URL");
        return configured == null || configured.isBlank() ? "http://127.0.0.1:8082" : configured.replaceAll("/+$", "");
    }

    /** infra/bench-executors.sh of the checkout this CLI was built in (its classes live in cli/target/). */
    private Path executorsScript() {
        if (executorsScript != null) {
            return executorsScript.toAbsolutePath();
        }
        try {
            Path built = Path.of(SystemBenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return built.getParent().getParent().getParent().resolve("infra/bench-executors.sh");
        } catch (URISyntaxException | NullPointerException e) {
            throw new CliException("cannot tell where this CLI was built: pass --executors-script infra/bench-executors.sh");
        }
    }
}
