package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import ai.automlgen.cli.Durations;
import ai.automlgen.cli.Output;
import ai.automlgen.cli.ServiceClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code automlgen bench}: every (seed, task, policy, variant) cell through the real services, one at a time
 * (or {@code --concurrent-cells} at a time), graded against private/ by the evaluator. Results accumulate in
 * {@code <out>/results.jsonl}; a rerun with the same folder and settings skips finished cells, and the reports are
 * rewritten after every cell.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {ai.automlgen.cli.bench.system.SystemBenchCommand.class},
        description = "Run the benchmark suite: tasks x policies x variants x seeds, graded, with summary tables and plots.")
public final class BenchCommand implements Callable<Integer> {
    private static final List<String> POLICIES = List.of("mcgs", "mcts", "greedy", "random");

    @Spec
    CommandSpec spec;

    // not picocli-required: that would demand it of `bench system` too
    @Option(names = "--suite", description = "folder of benchmark tasks (e.g. ../shared/bench)")
    Path suite;

    @Option(names = "--tasks", split = ",", description = "task folders to run (default: every task in the suite)")
    List<String> tasks;

    @Option(names = "--budget", description = "wall-clock budget per run, e.g. 20m (default: the planner's)")
    String budget;

    @Option(names = "--max-nodes", description = "node budget per run")
    Integer maxNodes;

    @Option(names = "--policies", split = ",", defaultValue = "mcgs", description = "mcgs,mcts,greedy,random (default: mcgs)")
    List<String> policies;

    @Option(names = "--seeds", defaultValue = "1", description = "seeds per cell, numbered 1..N (default: 1)")
    int seeds;

    @Option(names = "--variants", split = ",", defaultValue = "full",
            description = "ablations: full, knowledge-off, coarse, no-fusion, no-aggregation, or run params as "
                    + "key=value[+key=value], e.g. search.branch-stagnation=6 (default: full)")
    List<String> variants;

    @Option(names = "--knowledge", description = "'off' adds the knowledge-off variant")
    String knowledge;

    @Option(names = "--operators", description = "'coarse' adds the coarse variant")
    String operators;

    @Option(names = "--coder", description = "knowledge | builtin | llm | noop (default: the planner's, knowledge)")
    String coder;

    @Option(names = "--parallelism", description = "expansions in flight within each run (default: the planner's)")
    Integer parallelism;

    // longer than the planner gives a refit (automlgen.run.grace 2m + node-timeout 15m): a slow pipeline's refit on
    // every labelled row (tweet's 12-minute random-forest token scorer) was cut at 10m and graded its node's own file
    @Option(names = "--grace", defaultValue = "20m",
            description = "how long past its deadline a run may take before the bench cancels it (default: 20m, "
                    + "past the planner's own allowance for the refit); a cancelled run is graded on its best node's submission")
    String grace;

    @Option(names = "--out", description = "results folder (default: ./bench-results/<date>)")
    Path out;

    @Option(names = "--concurrent-cells", defaultValue = "1",
            description = "cells run at once (default: ${DEFAULT-VALUE}); more only where the executor has slots for "
                    + "every run's pipelines at once (AUTOMLGEN_SLOTS_CPUS >= cells x node cpus): a queued "
                    + "pipeline's run budget ticks while it waits")
    int concurrentCells;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (suite == null) {
            throw new CliException("bench needs --suite, the folder of benchmark tasks, e.g. --suite ../shared/bench");
        }
        Path suiteDir = suite.toAbsolutePath().normalize();
        List<String> taskNames = tasks(suiteDir);
        GradingFiles.requireAnswers(suiteDir, taskNames);
        GradingFiles.withoutLeaderboard(suiteDir, taskNames).forEach(task -> Output.progress("[bench] " + task
                + " has no leaderboard.csv: its cells get a test score but no normalised score or medal"));
        List<Variant> variantList = variants();
        for (String policy : policies) {
            if (!POLICIES.contains(policy)) {
                throw new CliException("unknown policy '" + policy + "': choose from " + String.join(", ", POLICIES));
            }
        }
        if (seeds < 1) {
            throw new CliException("--seeds must be at least 1");
        }
        if (concurrentCells < 1) {
            throw new CliException("--concurrent-cells must be at least 1");
        }
        Duration budgetDuration = budget == null ? null : Durations.parse(budget);
        Duration graceDuration = Durations.parse(grace);
        Path outDir = (out == null ? Path.of("bench-results", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()
                .replace(':', '-')) : out).toAbsolutePath().normalize();
        Files.createDirectories(outDir);
        new BenchSettings(suiteDir.toString(), budgetDuration, maxNodes, coder, parallelism).recordOrCheck(outDir);

        List<Cell> cells = BenchPlan.cells(taskNames, policies, variantList, seeds);
        ResultsLog log = ResultsLog.open(outDir.resolve("results.jsonl"));
        List<Cell> pending = BenchPlan.pending(cells, log.finishedKeys());
        Output.progress(String.format("[bench] %d cells, %d finished already in %s, %d to run",
                cells.size(), cells.size() - pending.size(), outDir, pending.size()));

        Header header = new Header("automlgen " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                Machine.describe(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        ServiceClient planner = ServiceClient.planner();
        Thread cancelOnExit = new Thread(() -> inFlight.forEach(runId -> cancel(planner, runId)));
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        CellRunner runner = new CellRunner(planner, ServiceClient.evaluator(), new CellRunner.Settings(suiteDir,
                budgetDuration, maxNodes, coder, parallelism, graceDuration, outDir), inFlight);
        Reports.write(outDir, header, BenchPlan.inPlanOrder(log.results(), cells));
        CellPool.run(pending, concurrentCells, cell -> runner.run(cell, Variant.named(cell.variant())), result -> {
            log.record(result);
            Reports.write(outDir, header, BenchPlan.inPlanOrder(log.results(), cells));
            Output.progress(String.format("[bench] %s: %s, test %s", result.cell().key(), result.status(),
                    result.valid() ? result.finalGrade().score() + (result.medal() ? " (" + result.finalGrade().medal() + ")" : "")
                            : "invalid"));
        });
        Runtime.getRuntime().removeShutdownHook(cancelOnExit);
        Output.progress("[bench] done: " + outDir.resolve("summary.md"));
        System.out.println(outDir.resolve("summary.md"));
        return 0;
    }

    private List<String> tasks(Path suiteDir) throws IOException {
        if (!Files.isDirectory(suiteDir)) {
            throw new CliException("the suite " + suiteDir + " is not a folder: pass --suite with the benchmark tasks' folder");
        }
        if (tasks != null && !tasks.isEmpty()) {
            for (String task : tasks) {
                if (!Files.isRegularFile(suiteDir.resolve(task).resolve("task.yaml"))) {
                    throw new CliException("no task '" + task + "' in " + suiteDir + " (no " + task + "/task.yaml): check --tasks");
                }
            }
            return tasks;
        }
        try (Stream<Path> entries = Files.list(suiteDir)) {
            List<String> found = entries.filter(p -> Files.isRegularFile(p.resolve("task.yaml")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            if (found.isEmpty()) {
                throw new CliException("no tasks in " + suiteDir + ": a task is a folder with a task.yaml");
            }
            return found;
        }
    }

    private List<Variant> variants() {
        List<String> names = new ArrayList<>(variants);
        if (knowledge != null) {
            if (!knowledge.equals("off")) {
                throw new CliException("--knowledge takes only 'off' (knowledge on is the full variant)");
            }
            names.add("knowledge-off");
        }
        if (operators != null) {
            if (!operators.equals("coarse")) {
                throw new CliException("--operators takes only 'coarse' (module-level edits are the full variant)");
            }
            names.add("coarse");
        }
        return names.stream().distinct().map(Variant::named).toList();
    }

    private static void cancel(ServiceClient planner, String runId) {
        if (runId != null) {
            System.err.println("[bench] interrupted: cancelling run " + runId + " (its cell reruns next time)");
            try {
                planner.post("/runs/" + runId + "/cancel", Map.of(), Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                System.err.println("[bench] could not cancel " + runId + ": " + e.getMessage());
            }
        }
    }
}
