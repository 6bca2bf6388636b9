package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import ai.automlgen.cli.Output;
import ai.automlgen.cli.RunRequest;
import ai.automlgen.cli.ServiceClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one cell through the real services: starts the run on the planner, follows it to the end, then grades
 * the final node's and the first draft's submissions with the evaluator (the only service that reads private/).
 * A refusal (HTTP 4xx), a failed run or a failed grading becomes the cell's result; an unreachable service or a
 * planner failing (HTTP 5xx, e.g. Redis down) propagates and stops the bench, leaving the cell to rerun.
 */
final class CellRunner {
    /** Settings shared by every cell of a bench. */
    record Settings(Path suite, Duration budget, Integer maxNodes, String coder, Integer parallelism,
                    Duration grace, Path out) {
    }

    private final ServiceClient planner;
    private final ServiceClient evaluator;
    private final Settings settings;
    private final Set<String> inFlightRuns;

    CellRunner(ServiceClient planner, ServiceClient evaluator, Settings settings, Set<String> inFlightRuns) {
        this.planner = planner;
        this.evaluator = evaluator;
        this.settings = settings;
        this.inFlightRuns = inFlightRuns;
    }

    CellResult run(Cell cell, Variant variant) throws InterruptedException, IOException {
        Path taskDir = settings.suite().resolve(cell.task()).toAbsolutePath().normalize();
        RunRequest request = new RunRequest(taskDir.toString(), settings.budget(), settings.maxNodes(), cell.policy(),
                settings.coder(), settings.parallelism(), cell.seed(), variant.params());
        Instant started = Instant.now();
        String runId = null;
        try {
            ServiceClient.Answer created = planner.post("/runs", request, Duration.ofSeconds(60));
            if (created.serverError()) {
                throw plannerFailed(cell, "POST /runs", created);
            }
            if (!created.ok()) {
                return failed(cell, variant, null, "REFUSED", "the planner refused the run: " + created.error(), started);
            }
            runId = created.body().get("runId").asText();
            inFlightRuns.add(runId);
            Output.progress("[bench] " + cell.key() + ": run " + runId + " started");
            return follow(cell, variant, runId, started);
        } catch (CliException e) {
            throw e; // an unreachable or failing service: the bench stops and this cell reruns next time
        } catch (RuntimeException e) {
            return failed(cell, variant, runId, "ERROR", "the bench failed on this cell: " + e, started);
        } finally {
            if (runId != null) {
                inFlightRuns.remove(runId);
            }
        }
    }

    private CellResult follow(Cell cell, Variant variant, String runId, Instant started)
            throws InterruptedException, IOException {
        List<CellResult.CurvePoint> curve = new ArrayList<>();
        boolean cancelled = false;
        String lastLine = "";
        while (true) {
            ServiceClient.Answer answer = planner.get("/runs/" + runId);
            if (answer.serverError()) {
                throw plannerFailed(cell, "GET /runs/" + runId, answer);
            }
            if (!answer.ok()) {
                return failed(cell, variant, runId, "ERROR", "lost the run: " + answer.error(), started);
            }
            JsonNode run = answer.body();
            double elapsed = seconds(started);
            JsonNode best = run.get("bestScore");
            if (best != null && best.isNumber()
                    && (curve.isEmpty() || curve.get(curve.size() - 1).best() != best.asDouble())) {
                curve.add(new CellResult.CurvePoint(elapsed, best.asDouble()));
            }
            Instant deadline = run.path("deadline").isTextual() ? Instant.parse(run.get("deadline").asText()) : null;
            // the deadline comes once the task is prepared; until then the run's budget from when it was requested
            Instant giveUp = (deadline != null ? deadline : started.plusSeconds(run.path("budgetSeconds").asLong()))
                    .plus(settings.grace());
            String status = run.get("status").asText();
            String line = String.format("%s: %d nodes (%d good, %d buggy), best %s", status, run.get("nodes").asInt(),
                    run.get("good").asInt(), run.get("buggy").asInt(), Output.score(best));
            if (!line.equals(lastLine)) {
                Output.progress(String.format("[bench] %s %.0fs %s", cell.key(), elapsed, line));
                lastLine = line;
            }
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                return collect(cell, variant, run, curve, started, cancelled);
            }
            if (deadline == null && Instant.now().isAfter(giveUp)) {
                // never prepared: nothing to grade, and a run that never started its search may not end on a cancel
                String stuck = "still " + status + " past its budget plus " + settings.grace() + " with no deadline "
                        + "(a run gets one when its task is prepared: is the evaluator up?)";
                Output.progress("[bench] " + cell.key() + ": " + stuck + ", cancelling");
                planner.post("/runs/" + runId + "/cancel", Map.of(), Duration.ofSeconds(30));
                return failed(cell, variant, runId, "TIMED_OUT", "cancelled by the bench: " + stuck, started);
            }
            if (!cancelled && Instant.now().isAfter(giveUp)) {
                Output.progress("[bench] " + cell.key() + ": past its budget plus " + settings.grace() + ", cancelling");
                planner.post("/runs/" + runId + "/cancel", Map.of(), Duration.ofSeconds(30));
                cancelled = true;
            } else if (cancelled && Instant.now().isAfter(giveUp.plus(Duration.ofMinutes(2)))) {
                return failed(cell, variant, runId, "TIMED_OUT", "did not end within 2 minutes of its cancel", started);
            }
            Thread.sleep(1000);
        }
    }

    /** The planner failing, not judging the run: recording the cell would skip it on every rerun. */
    private static CliException plannerFailed(Cell cell, String request, ServiceClient.Answer answer) {
        return new CliException("the planner answered HTTP " + answer.status() + " to " + request + " for cell "
                + cell.key() + ": " + answer.error() + ". The bench stops here: fix the planner (see its log; is Redis "
                + "up?), then rerun the same command, which runs this cell and the rest");
    }

    private CellResult collect(Cell cell, Variant variant, JsonNode run, List<CellResult.CurvePoint> curve,
                               Instant started, boolean cancelledForTime) throws IOException {
        double wall = seconds(started);
        String runId = run.get("runId").asText();
        String finalNode = text(run, "finalNodeId");
        Path cellDir = settings.out().resolve("cells").resolve(cell.key().replace('|', '_'));
        Files.createDirectories(cellDir);

        Graded finalGrade = finalNode == null ? null : grade(cell, runId, finalNode, cellDir.resolve("final-submission.csv"));
        SearchShape shape = searchShape(runId);
        JsonNode firstDraft = shape == null ? null : shape.firstDraft();
        Double firstDraftValidation = null;
        Graded firstDraftGrade = null;
        if (firstDraft != null) {
            firstDraftValidation = firstDraft.path("score").isNumber() ? firstDraft.get("score").asDouble() : null;
            String draftId = firstDraft.get("id").asText();
            if (draftId.equals(finalNode)) {
                firstDraftGrade = finalGrade;
            } else if ("GOOD".equals(firstDraft.path("status").asText())) {
                firstDraftGrade = grade(cell, runId, draftId, cellDir.resolve("first-draft-submission.csv"));
            }
        }
        String reason = text(run, "reason");
        if (cancelledForTime) {
            reason = "cancelled by the bench: past its budget plus " + settings.grace() + (reason == null ? "" : "; " + reason);
        }
        CellResult.Thresholds thresholds = finalGrade != null && finalGrade.thresholds() != null ? finalGrade.thresholds()
                : firstDraftGrade == null ? null : firstDraftGrade.thresholds();
        Boolean lowerIsBetter = run.path("lowerIsBetter").isBoolean() ? run.get("lowerIsBetter").asBoolean()
                : finalGrade == null ? null : finalGrade.lowerIsBetter();
        return new CellResult(cell.task(), cell.policy(), cell.variant(), cell.seed(), variant.params(), runId,
                run.get("status").asText(), reason, text(run, "metric"), lowerIsBetter,
                run.path("bestScore").isNumber() ? run.get("bestScore").asDouble() : null,
                run.get("nodes").asInt(), run.get("good").asInt(), run.get("buggy").asInt(),
                shape == null ? null : shape.nodesByOperator(), shape == null ? null : shape.bestNodeOperator(), wall,
                finalGrade == null ? null : finalGrade.grade(), thresholds, firstDraftValidation,
                firstDraftGrade == null ? null : firstDraftGrade.grade(), curve, Instant.now().toString());
    }

    /** The shape of the run's search graph; null (and said) when the graph cannot be read. */
    private SearchShape searchShape(String runId) {
        ServiceClient.Answer graph = planner.get("/runs/" + runId + "/graph");
        if (!graph.ok()) {
            Output.progress("[bench] cannot read the graph of " + runId + ": " + graph.error());
            return null;
        }
        return SearchShape.of(graph.body());
    }

    private record Graded(CellResult.TestGrade grade, CellResult.Thresholds thresholds, Boolean lowerIsBetter) {
    }

    /** Downloads a node's submission and has the evaluator grade it; a missing submission is an invalid grade. */
    private Graded grade(Cell cell, String runId, String nodeId, Path target) {
        if (!planner.download("/runs/" + runId + "/nodes/" + nodeId + "/submission", target)) {
            return new Graded(new CellResult.TestGrade(null, false, null, false,
                    List.of("node " + nodeId + " has no submission")), null, null);
        }
        Path taskDir = settings.suite().resolve(cell.task()).toAbsolutePath().normalize();
        ServiceClient.Answer answer = evaluator.post("/grade",
                Map.of("taskDir", taskDir.toString(), "submission", target.toAbsolutePath().toString()), Duration.ofMinutes(10));
        JsonNode g = answer.body();
        if (g == null) {
            return new Graded(new CellResult.TestGrade(null, false, null, false,
                    List.of("grading failed: " + answer.error())), null, null);
        }
        List<String> errors = new ArrayList<>();
        g.path("errors").forEach(e -> errors.add(e.asText()));
        if (!answer.ok() && errors.isEmpty()) {
            errors.add("grading failed: " + answer.error());
        }
        JsonNode t = g.path("thresholds");
        CellResult.Thresholds thresholds = t.isObject() ? new CellResult.Thresholds(t.path("gold").asDouble(),
                t.path("silver").asDouble(), t.path("bronze").asDouble(), t.path("median").asDouble()) : null;
        Double score = g.path("score").isNumber() ? g.get("score").asDouble() : null;
        String medal = g.path("medal").isTextual() ? g.get("medal").asText() : null;
        Boolean lowerIsBetter = g.path("lower_is_better").isBoolean() ? g.get("lower_is_better").asBoolean() : null;
        return new Graded(new CellResult.TestGrade(score, answer.ok() && g.path("valid").asBoolean(), medal,
                g.path("above_median").asBoolean(), errors), thresholds, lowerIsBetter);
    }

    private CellResult failed(Cell cell, Variant variant, String runId, String status, String reason, Instant started) {
        return new CellResult(cell.task(), cell.policy(), cell.variant(), cell.seed(), variant.params(), runId, status,
                reason, null, null, null, 0, 0, 0, null, null, seconds(started), null, null, null, null, List.of(),
                Instant.now().toString());
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
