package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.events.EventJson;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.Operator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark command for the first draft on full data (not part of the normal test run):
 * {@code mvn -pl planner-service test -Dtest=KnowledgeDraftBenchmark -Dknowledge.benchmark=true}.
 * For each bench task it prepares a full-data fixture (80/20 seeded split of the public train data),
 * writes the first draft, runs it with every core, scores its valid predictions and writes
 * target/knowledge-benchmark/report.md next to the task's median and bronze thresholds. With
 * {@code -Dknowledge.benchmark.run=false} it only prepares and writes (to run the scripts elsewhere); with
 * {@code -Dknowledge.benchmark.draft=n} (and one {@code -Dbench.task}) it runs the n-th draft candidate (from 0) instead.
 */
class KnowledgeDraftBenchmark {
    private static final Path WORK = Path.of("target", "knowledge-benchmark").toAbsolutePath();

    @Test
    void firstDraftOnFullData() throws Exception {
        assumeTrue(Boolean.getBoolean("knowledge.benchmark"), "benchmark: run with -Dknowledge.benchmark=true");
        assumeTrue(!BenchFixture.tasks().isEmpty(), "no bench tasks at " + BenchFixture.BENCH);
        boolean run = Boolean.parseBoolean(System.getProperty("knowledge.benchmark.run", "true"));
        String only = System.getProperty("bench.task", "");
        int draft = Integer.getInteger("knowledge.benchmark.draft", -1); // the n-th of Drafts.candidates, not the coder's first
        List<String> lines = new ArrayList<>(List.of("| task | metric | first draft | validation score | median | bronze | seconds |",
                "|---|---|---|---:|---:|---:|---:|"));
        for (String task : BenchFixture.tasks()) {
            if (!only.isEmpty() && !only.equals(task)) {
                continue;
            }
            BenchFixture fixture = BenchFixture.build(task, WORK.resolve("fixtures"), 0, 1);
            String plan;
            String code;
            if (draft < 0) {
                CodeResult first = new KnowledgeCoder().write(new CodeRequest(Operator.DRAFT, fixture.task(), fixture.inputs(), null,
                        List.of(), List.of(), List.of(), List.of(), 0, null));
                plan = first.plan();
                code = first.code();
            } else {
                Drafts.Draft candidate = Drafts.candidates(TaskProfile.of(fixture.task(), fixture.inputs())).get(draft);
                plan = candidate.plan();
                code = new ScriptRenderer().render(candidate.spec(), fixture.task(), fixture.inputs(), plan);
            }
            Path work = WORK.resolve("runs").resolve(task);
            Files.createDirectories(work.resolve("output"));
            Files.writeString(work.resolve("solution.py"), code);
            String score = "not run";
            long seconds = 0;
            if (run) {
                long start = System.nanoTime();
                ScriptRun.Result result = ScriptRun.python(work, List.of("solution.py"), Map.of(
                        "AUTOMLGEN_INPUT", fixture.dir().resolve("input").toString(), "AUTOMLGEN_OUTPUT", work.resolve("output").toString(),
                        "AUTOMLGEN_SEED", "0", "AUTOMLGEN_CPUS", Integer.toString(Runtime.getRuntime().availableProcessors()),
                        "AUTOMLGEN_MODELS", TestModels.dir().toString()), 3600);
                seconds = (System.nanoTime() - start) / 1_000_000_000L;
                Files.writeString(work.resolve("run.log"), result.output());
                score = result.exitCode() != 0 ? "failed (see run.log)" : score(fixture, work, task);
            }
            JsonNode thresholds = thresholds(task);
            lines.add("| " + task + " | " + fixture.task().metric() + " | " + plan.replace("|", "/") + " | " + score + " | "
                    + thresholds.path("median_threshold").asText("?") + " | " + thresholds.path("bronze_threshold").asText("?") + " | "
                    + seconds + " |");
        }
        Files.writeString(WORK.resolve("report.md"), String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    private static String score(BenchFixture fixture, Path work, String task) throws Exception {
        Path scorer = BenchFixture.resource("score_valid.py", WORK);
        ScriptRun.Result result = ScriptRun.python(work, List.of(scorer.toString(), fixture.dir().toString(),
                work.resolve("output/valid_predictions.csv").toString(), BenchFixture.BENCH.resolve(task).toString()), Map.of(), 600);
        return result.exitCode() == 0 ? EventJson.mapper().readTree(result.output().strip()).path("score").asText() : "scoring failed";
    }

    private static JsonNode thresholds(String task) throws Exception {
        for (Path candidate : List.of(BenchFixture.BENCH.resolve(task).resolve("thresholds.json"),
                BenchFixture.BENCH.resolve(task).resolve("private").resolve("thresholds.json"))) {
            if (Files.exists(candidate)) {
                return EventJson.mapper().readTree(Files.readString(candidate));
            }
        }
        return EventJson.mapper().createObjectNode();
    }
}
